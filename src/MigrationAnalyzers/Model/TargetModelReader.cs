using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Reads a migration's target model (<c>BuildTargetModel</c> in its .Designer.cs) for the tables
/// and columns it describes, as <see cref="ColumnDefinition"/>s shaped like a <c>CreateTable</c>
/// column: <c>modelBuilder.Entity("Blog", b => { b.Property&lt;string&gt;("Name").IsRequired()
/// .HasMaxLength(100).HasColumnType("TEXT"); b.ToTable("Blogs", "schema"); })</c>. Fills gaps of
/// the operations (e.g. the definition of a column dropped by a migration whose history is
/// incomplete). Anything it does not recognise is left out, never guessed; read lazily, once
/// per migration.
/// </summary>
internal static class TargetModelReader
{
    /// <summary>The columns the target model of <paramref name="migration"/> gives the table, or default when it does not describe it.</summary>
    public static ImmutableArray<ColumnDefinition> Columns(MigrationModel migration, Compilation compilation, string? schema, string table) =>
        Tables(migration, compilation).TryGetValue(new TableKey(schema, table), out var columns) ? columns : default;

    // Read once per migration, kept with the compilation's other facts.
    private static Dictionary<TableKey, ImmutableArray<ColumnDefinition>> Tables(MigrationModel migration, Compilation compilation) =>
        MigrationCatalog.For(compilation) is { } catalog
            ? catalog.Memo((typeof(TargetModelReader), migration), () => Read(migration, compilation))
            : Read(migration, compilation);

    private static Dictionary<TableKey, ImmutableArray<ColumnDefinition>> Read(MigrationModel migration, Compilation compilation)
    {
        var tables = new Dictionary<TableKey, ImmutableArray<ColumnDefinition>>();
        if (migration.TargetModelMethod is not { } method || !compilation.ContainsSyntaxTree(method.SyntaxTree))
        {
            return tables;
        }

        // EF writes an entity in several Entity(…) blocks (properties and ToTable first, relationships and
        // owned types later): collect by entity name, then map to tables.
        var model = compilation.GetSemanticModel(method.SyntaxTree);
        var entityTables = new Dictionary<string, TableKey>(System.StringComparer.Ordinal);
        var entityColumns = new Dictionary<string, List<ColumnDefinition>>(System.StringComparer.Ordinal);
        var requiredNavigations = new HashSet<(string Entity, string Navigation)>();
        var owned = new List<OwnedColumns>();
        foreach (var invocation in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity" }, ArgumentList.Arguments.Count: 2 } ||
                Constant(model, invocation, 0) is not string entity ||
                invocation.ArgumentList.Arguments[1].Expression is not LambdaExpressionSyntax { Block: { } body } lambda ||
                ParameterName(lambda) is not { } builder)
            {
                continue;
            }

            if (!entityColumns.TryGetValue(entity, out var columns))
            {
                columns = new List<ColumnDefinition>();
                entityColumns[entity] = columns;
            }

            foreach (var statement in body.Statements)
            {
                if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
                {
                    continue;
                }

                var chain = Chain(call, builder);
                if (chain.Count == 0)
                {
                    continue;
                }

                if (chain[0].Name == "ToTable" && Constant(model, chain[0].Invocation, 0) is string tableName)
                {
                    entityTables[entity] = new TableKey(Constant(model, chain[0].Invocation, 1) as string, tableName);
                }
                else if (chain[0].Name == "Property" && TargetModelColumns.Column(model, chain) is { } column)
                {
                    columns.Add(column);
                }
                else if (chain[0].Name == "Navigation" && Constant(model, chain[0].Invocation, 0) is string navigation &&
                         chain.Skip(1).Any(c => c.Name == "IsRequired" && (c.Invocation.ArgumentList.Arguments.Count == 0 || Constant(model, c.Invocation, 0) is true)))
                {
                    requiredNavigations.Add((entity, navigation));
                }
                else if (chain[0].Name == "OwnsOne" && ReadOwned(model, entity, chain[0].Invocation) is { } ownedColumns)
                {
                    owned.Add(ownedColumns);
                }
            }
        }

        foreach (var ownedColumns in owned)
        {
            // EF's rule: a dependent sharing its owner's table is optional unless its navigation is required,
            // and every column of an optional dependent is nullable.
            if (ownedColumns.Table is { } separate && (!entityTables.TryGetValue(ownedColumns.Owner, out var ownerTable) || !separate.Equals(ownerTable)))
            {
                continue;
            }

            var optional = !requiredNavigations.Contains((ownedColumns.Owner, ownedColumns.Navigation));
            if (entityColumns.TryGetValue(ownedColumns.Owner, out var ownerColumns))
            {
                ownerColumns.AddRange(optional ? ownedColumns.Columns.Select(Nullable) : ownedColumns.Columns);
            }
        }

        foreach (var pair in entityColumns)
        {
            if (entityTables.TryGetValue(pair.Key, out var table) && pair.Value.Count > 0)
            {
                tables[table] = pair.Value.ToImmutableArray();
            }
        }

        return tables;
    }

    /// <summary>
    /// <c>b.OwnsOne("Ns.Address", "Shipping", b1 =&gt; { b1.Property&lt;string&gt;("City"); b1.ToTable("Orders"); … })</c>:
    /// the owned type's columns, named as EF names them in a shared table (<c>Shipping_City</c>) unless
    /// <c>HasColumnName</c> says otherwise. Its key properties are the owner's key columns, not its own.
    /// </summary>
    private static OwnedColumns? ReadOwned(SemanticModel model, string owner, InvocationExpressionSyntax ownsOne)
    {
        var arguments = ownsOne.ArgumentList.Arguments;
        if (arguments.Count != 3 || Constant(model, ownsOne, 1) is not string navigation ||
            arguments[2].Expression is not LambdaExpressionSyntax { Block: { } body } lambda || ParameterName(lambda) is not { } builder)
        {
            return null;
        }

        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        TableKey? table = null;
        var chains = new List<List<(string Name, InvocationExpressionSyntax Invocation)>>();
        foreach (var statement in body.Statements)
        {
            if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } || Chain(call, builder) is not { Count: > 0 } chain)
            {
                continue;
            }

            switch (chain[0].Name)
            {
                case "HasKey":
                    foreach (var argument in chain[0].Invocation.ArgumentList.Arguments)
                    {
                        if (model.GetConstantValue(argument.Expression).Value is string key)
                        {
                            keys.Add(key);
                        }
                    }

                    break;
                case "ToTable" when Constant(model, chain[0].Invocation, 0) is string tableName:
                    table = new TableKey(Constant(model, chain[0].Invocation, 1) as string, tableName);
                    break;
                case "Property":
                    chains.Add(chain);
                    break;
            }
        }

        var columns = new List<ColumnDefinition>();
        foreach (var chain in chains)
        {
            if (Constant(model, chain[0].Invocation, 0) is string property && !keys.Contains(property) &&
                TargetModelColumns.Column(model, chain, ownedBy: navigation) is { } column)
            {
                columns.Add(column);
            }
        }

        return new OwnedColumns(owner, navigation, table, columns);
    }

    private static ColumnDefinition Nullable(ColumnDefinition column)
    {
        var arguments = ImmutableDictionary.CreateBuilder<string, ArgumentValue>();
        foreach (var parameter in new[] { "type", "maxLength", "precision", "scale", "unicode", "fixedLength", "defaultValueSql", "computedColumnSql", "defaultValue" })
        {
            if (!column[parameter].IsOmitted)
            {
                arguments[parameter] = column[parameter];
            }
        }

        arguments["nullable"] = new ArgumentValue(ArgumentValueKind.Constant, true, column.Syntax);
        return new ColumnDefinition(column.Name, column.ClrType, arguments.ToImmutable(), column.Annotations, column.Syntax, column.PropertyName);
    }

    /// <summary><c>b.Property(…).A(…).B(…)</c> → [Property, A, B] when rooted at the lambda's parameter.</summary>
    private static List<(string Name, InvocationExpressionSyntax Invocation)> Chain(InvocationExpressionSyntax outer, string builder)
    {
        var chain = new List<(string, InvocationExpressionSyntax)>();
        ExpressionSyntax current = outer;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            chain.Insert(0, (access.Name.Identifier.ValueText, invocation));
            current = access.Expression;
        }

        return current is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == builder ? chain : new List<(string, InvocationExpressionSyntax)>();
    }

    private static string? ParameterName(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    private static object? Constant(SemanticModel model, InvocationExpressionSyntax invocation, int index) =>
        invocation.ArgumentList.Arguments.Count > index
            ? ConstantValue(model, invocation.ArgumentList.Arguments[index].Expression).Value
            : null;

    /// <summary>
    /// EF writes literals into a target model: read their tokens. Binding an argument inside the
    /// <c>Entity(…, b => { … })</c> lambda binds the whole statement, i.e. the Designer body (SPEC §7).
    /// </summary>
    private static Optional<object?> ConstantValue(SemanticModel model, ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && !literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression)
            ? new Optional<object?>(literal.Token.Value)
            : model.GetConstantValue(expression, CancellationToken.None);

    private sealed class OwnedColumns
    {
        public OwnedColumns(string owner, string navigation, TableKey? table, List<ColumnDefinition> columns)
        {
            Owner = owner;
            Navigation = navigation;
            Table = table;
            Columns = columns;
        }

        public string Owner { get; }

        public string Navigation { get; }

        /// <summary>The owned type's own ToTable; null when it shares its owner's table without saying so.</summary>
        public TableKey? Table { get; }

        public List<ColumnDefinition> Columns { get; }
    }
}
