using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>An index or key as a target model (.Designer.cs / snapshot) declares it, in column names.</summary>
internal sealed class ModelIndex
{
    public ModelIndex(string? name, ImmutableArray<string> columns, bool isUnique, bool isKey, bool isSpecial)
    {
        Name = name;
        Columns = columns;
        IsUnique = isUnique;
        IsKey = isKey;
        IsSpecial = isSpecial;
    }

    /// <summary>The database name when the model states it (<c>HasDatabaseName</c>/<c>HasName</c>); EF's default otherwise.</summary>
    public string? Name { get; }

    public ImmutableArray<string> Columns { get; }

    public bool IsUnique { get; }

    /// <summary>The primary key (<c>HasKey</c>); alternate keys read as unique indexes.</summary>
    public bool IsKey { get; }

    /// <summary>Filtered, non-default method, operators, included columns…: not a plain b-tree over the columns.</summary>
    public bool IsSpecial { get; }
}

/// <summary>One mapped table of a target model: its keys and indexes, and (read on demand) its columns.</summary>
internal sealed class ModelTable
{
    private readonly ImmutableArray<ModelProperty> _properties;
    // One reference, replaced whole: a concurrent reader sees an old or a new pair, never a mix.
    private Tuple<Compilation, ImmutableArray<ColumnDefinition>>? _columns;

    public ModelTable(TableKey key, ImmutableArray<ModelIndex> indexes, ImmutableArray<ModelProperty> properties)
    {
        Key = key;
        Indexes = indexes;
        _properties = properties;
    }

    public TableKey Key { get; }

    public ImmutableArray<ModelIndex> Indexes { get; }

    /// <summary>
    /// The columns, shaped like a <c>CreateTable</c> column (<see cref="TargetModelColumns"/>): bound
    /// with <paramref name="compilation"/>'s semantic model once per compilation, a property whose
    /// arguments are not constant left out.
    /// </summary>
    public ImmutableArray<ColumnDefinition> Columns(Compilation compilation)
    {
        if (_columns is { } cached && cached.Item1 == compilation)
        {
            return cached.Item2;
        }

        var columns = TargetModelColumns.Read(compilation, _properties);
        _columns = Tuple.Create(compilation, columns);
        return columns;
    }

    internal ModelTable Merge(ImmutableArray<ModelIndex> indexes, ImmutableArray<ModelProperty> properties) =>
        new(Key, Indexes.AddRange(indexes), _properties.AddRange(properties));
}

/// <summary>
/// The one reader of a target model: a <c>BuildTargetModel</c> (migration .Designer.cs) or
/// <c>BuildModel</c> (ModelSnapshot) body, the <c>modelBuilder.Entity("Ns.Post", b =&gt; { … })</c>
/// blocks EF writes, reduced to tables with their keys, indexes and columns. It only reads the
/// shapes EF scaffolds (<c>b.Property&lt;T&gt;("P").HasColumnName("c")</c>, <c>b.HasKey("Id")</c>,
/// <c>b.HasIndex("A", "B").IsUnique().HasDatabaseName("IX")</c>, <c>b.ToTable("Posts", "dbo")</c>,
/// <c>b.HasBaseType("Ns.Base")</c>, <c>b.OwnsOne("Ns.Address", "Shipping", b1 =&gt; { … })</c>); an
/// entity without a constant <c>ToTable</c> (its own or, for table-per-hierarchy, its base's) is
/// skipped rather than guessed. Keys and indexes are read from syntax, once per syntax node; columns
/// need the semantic model and are read when asked.
/// </summary>
internal sealed class TargetModel
{
    private static readonly ConditionalWeakTable<SyntaxNode, TargetModel> Cache = new();

    private readonly ImmutableDictionary<TableKey, ModelTable> _tables;
    private readonly ImmutableHashSet<TableKey> _principals;

    private TargetModel(ImmutableDictionary<TableKey, ModelTable> tables, ImmutableHashSet<TableKey> principals)
    {
        _tables = tables;
        _principals = principals;
    }

    public IEnumerable<ModelTable> Tables => _tables.Values;

    public static TargetModel Read(SyntaxNode method) => Cache.GetValue(method, Parse);

    public ModelTable? Find(string? schema, string table) =>
        _tables.TryGetValue(new TableKey(schema, table), out var found) ? found : null;

    /// <summary>
    /// The columns <paramref name="migration"/>'s target model gives the table, or default when it
    /// does not describe it (fills gaps of the operations, e.g. the definition of a column dropped by
    /// a migration whose history is incomplete).
    /// </summary>
    public static ImmutableArray<ColumnDefinition> Columns(MigrationModel migration, Compilation compilation, string? schema, string table)
    {
        if (migration.TargetModelMethod is not { } method || !compilation.ContainsSyntaxTree(method.SyntaxTree) ||
            Read(method).Find(schema, table) is not { } found)
        {
            return default;
        }

        var columns = found.Columns(compilation);
        return columns.IsEmpty ? default : columns;
    }

    /// <summary>A relationship of the model (<c>b.HasOne("Ns.Blog", …)</c> on a dependent) has this table's entity as principal.</summary>
    public bool IsPrincipal(string? schema, string table) => _principals.Contains(new TableKey(schema, table));

    private static TargetModel Parse(SyntaxNode method)
    {
        var entities = new Dictionary<string, EntityBuilder>(System.StringComparer.Ordinal);
        foreach (var invocation in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            // modelBuilder.Entity("Ns.Post", b => { … })
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity" } ||
                invocation.ArgumentList.Arguments.Count != 2 ||
                Constant(invocation.ArgumentList.Arguments[0].Expression) is not { } entityName ||
                invocation.ArgumentList.Arguments[1].Expression is not LambdaExpressionSyntax lambda ||
                LambdaParameter(lambda) is not { } parameter)
            {
                continue;
            }

            if (!entities.TryGetValue(entityName, out var entity))
            {
                entity = new EntityBuilder();
                entities[entityName] = entity;
            }

            foreach (var statement in lambda.Body is BlockSyntax block ? block.Statements : Enumerable.Empty<StatementSyntax>())
            {
                if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax chain })
                {
                    entity.Read(chain, parameter);
                }
            }
        }

        var tables = ImmutableDictionary.CreateBuilder<TableKey, ModelTable>();
        var principals = ImmutableHashSet.CreateBuilder<TableKey>();
        foreach (var entity in entities.Values)
        {
            foreach (var principal in entity.Principals)
            {
                if (entities.TryGetValue(principal, out var principalEntity) && TableOf(principalEntity, entities) is { } principalTable)
                {
                    principals.Add(new TableKey(principalTable.Schema, principalTable.Table!));
                }
            }

            if (TableOf(entity, entities) is not { } mapped)
            {
                continue;
            }

            var key = new TableKey(mapped.Schema, mapped.Table!);
            var indexes = entity.Indexes.Select(i => i.ToModel(entity.ColumnNames)).ToImmutableArray();
            if (mapped == entity && InheritedKey(entities, entity, key) is { } inherited)
            {
                indexes = indexes.Add(inherited);
            }

            var properties = entity.Properties.Select(p => new ModelProperty(p)).Concat(OwnedProperties(entity, key)).ToImmutableArray();
            tables[key] = tables.TryGetValue(key, out var shared)
                ? shared.Merge(indexes, properties)
                : new ModelTable(key, indexes, properties);
        }

        return new TargetModel(tables.ToImmutable(), principals.ToImmutable());
    }

    /// <summary>
    /// The properties of the entity's owned types that share its table, as EF maps them: named
    /// <c>Navigation_Property</c>, and all nullable unless the navigation is required (EF's rule: a
    /// dependent sharing its owner's table is optional). An owned type's key properties are the
    /// owner's key columns; one with a table of its own is not this table's.
    /// </summary>
    private static IEnumerable<ModelProperty> OwnedProperties(EntityBuilder entity, TableKey table)
    {
        foreach (var owned in entity.Owned)
        {
            if (owned.Table is { } separate && !separate.Equals(table))
            {
                continue;
            }

            var optional = !entity.RequiredNavigations.Contains(owned.Navigation);
            foreach (var (property, chain) in owned.Properties)
            {
                if (!owned.Keys.Contains(property))
                {
                    yield return new ModelProperty(chain, owned.Navigation, optional);
                }
            }
        }
    }

    /// <summary>The entity that names the table: itself, or (TPH: a derived type without ToTable) its base type.</summary>
    private static EntityBuilder? TableOf(EntityBuilder entity, Dictionary<string, EntityBuilder> entities)
    {
        var mapped = entity;
        for (var depth = 0; mapped.Table is null && mapped.BaseType is { } baseType && depth < 16; depth++)
        {
            if (!entities.TryGetValue(baseType, out mapped))
            {
                return null;
            }
        }

        return mapped.Table is null ? null : mapped;
    }

    /// <summary>
    /// Table-per-type (and per-concrete-type): a derived type with a table of its own declares no key;
    /// its table's primary key is the root type's key, over the same column names.
    /// </summary>
    private static ModelIndex? InheritedKey(Dictionary<string, EntityBuilder> entities, EntityBuilder entity, TableKey table)
    {
        var root = entity;
        for (var depth = 0; root.BaseType is { } baseType && depth < 16; depth++)
        {
            if (!entities.TryGetValue(baseType, out var next))
            {
                return null;
            }

            root = next;
        }

        if (root == entity || root.Indexes.FirstOrDefault(i => i.IsKey) is not { } key ||
            (root.Table == table.Name && root.Schema == table.Schema))
        {
            return null;
        }

        var columns = key.Properties.Select(p => entity.ColumnNames.TryGetValue(p, out var own) ? own : root.ColumnNames.TryGetValue(p, out var column) ? column : p);
        return new ModelIndex(name: null, columns.ToImmutableArray(), isUnique: true, isKey: true, isSpecial: false);
    }

    private static string? LambdaParameter(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    private static string? Constant(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>String arguments (<c>"A", "B"</c> or <c>new[] { "A", "B" }</c>); default when any is not a literal.</summary>
    private static ImmutableArray<string> Strings(SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var argument in arguments)
        {
            var expression = argument.Expression;
            IEnumerable<ExpressionSyntax> items = expression switch
            {
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
                _ => new[] { expression },
            };
            foreach (var item in items)
            {
                if (Constant(item) is not { } value)
                {
                    return default;
                }

                result.Add(value);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The calls of one fluent statement, innermost (on the entity builder) first.</summary>
    private static List<InvocationExpressionSyntax> Calls(InvocationExpressionSyntax outer, string parameter)
    {
        var calls = new List<InvocationExpressionSyntax>();
        ExpressionSyntax current = outer;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            calls.Insert(0, invocation);
            current = access.Expression;
        }

        return current is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter ? calls : new List<InvocationExpressionSyntax>();
    }

    private static string MethodName(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name: { } name } ? name.Identifier.ValueText : string.Empty;

    private sealed class IndexBuilder
    {
        public ImmutableArray<string> Properties;
        public string? Name;
        public bool IsUnique;
        public bool IsKey;
        public bool IsSpecial;

        public ModelIndex ToModel(Dictionary<string, string> columnNames) =>
            new(Name, Properties.Select(p => columnNames.TryGetValue(p, out var column) ? column : p).ToImmutableArray(), IsUnique, IsKey, IsSpecial);
    }

    /// <summary><c>b.OwnsOne("Ns.Address", "Shipping", b1 =&gt; { b1.Property&lt;string&gt;("City"); b1.HasKey("OrderId"); b1.ToTable("Orders"); })</c>.</summary>
    private sealed class OwnedType
    {
        public string Navigation = string.Empty;
        public TableKey? Table;
        public readonly HashSet<string> Keys = new(System.StringComparer.Ordinal);
        public readonly List<(string Property, List<(string Name, InvocationExpressionSyntax Invocation)> Chain)> Properties = new();

        public static OwnedType? Read(InvocationExpressionSyntax ownsOne)
        {
            var arguments = ownsOne.ArgumentList.Arguments;
            if (arguments.Count != 3 || Constant(arguments[1].Expression) is not { } navigation ||
                arguments[2].Expression is not LambdaExpressionSyntax { Block: { } body } lambda || LambdaParameter(lambda) is not { } builder)
            {
                return null;
            }

            var owned = new OwnedType { Navigation = navigation };
            foreach (var statement in body.Statements)
            {
                if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } || Calls(call, builder) is not { Count: > 0 } calls)
                {
                    continue;
                }

                var first = calls[0].ArgumentList.Arguments;
                switch (MethodName(calls[0]))
                {
                    case "HasKey" when Strings(first) is { IsDefault: false } keys:
                        owned.Keys.UnionWith(keys);
                        break;
                    case "ToTable" when first.Count >= 1 && Constant(first[0].Expression) is { } table:
                        owned.Table = new TableKey(first.Count >= 2 ? Constant(first[1].Expression) : null, table);
                        break;
                    case "Property" when first.Count == 1 && Constant(first[0].Expression) is { } property:
                        owned.Properties.Add((property, calls.Select(c => (MethodName(c), c)).ToList()));
                        break;
                }
            }

            return owned;
        }
    }

    private sealed class EntityBuilder
    {
        public string? Table;
        public string? Schema;
        public string? BaseType;
        public readonly Dictionary<string, string> ColumnNames = new(System.StringComparer.Ordinal);
        public readonly List<IndexBuilder> Indexes = new();
        public readonly List<List<(string Name, InvocationExpressionSyntax Invocation)>> Properties = new();
        public readonly List<string> Principals = new();
        public readonly HashSet<string> RequiredNavigations = new(System.StringComparer.Ordinal);
        public readonly List<OwnedType> Owned = new();

        public void Read(InvocationExpressionSyntax statement, string parameter)
        {
            var calls = Calls(statement, parameter);
            if (calls.Count == 0)
            {
                // Provider extensions are written as static calls: NpgsqlIndexBuilderExtensions.HasMethod(b.HasIndex("T"), "gin").
                if (statement.ArgumentList.Arguments.FirstOrDefault()?.Expression is InvocationExpressionSyntax inner &&
                    Calls(inner, parameter) is { Count: > 0 } innerCalls && MethodName(innerCalls[0]) == "HasIndex")
                {
                    Read(inner, parameter);
                    if (Indexes.Count > 0)
                    {
                        Indexes[Indexes.Count - 1].IsSpecial = true;
                    }
                }

                return;
            }

            var first = calls[0];
            var arguments = first.ArgumentList.Arguments;
            switch (MethodName(first))
            {
                case "HasOne" when arguments.Count >= 1 && Constant(arguments[0].Expression) is { } principal:
                    Principals.Add(principal);
                    break;
                case "Navigation" when arguments.Count >= 1 && Constant(arguments[0].Expression) is { } navigation:
                    if (calls.Skip(1).Any(c => MethodName(c) == "IsRequired" &&
                                               (c.ArgumentList.Arguments.Count == 0 || c.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression))))
                    {
                        RequiredNavigations.Add(navigation);
                    }

                    break;
                case "OwnsOne" when OwnedType.Read(first) is { } owned:
                    Owned.Add(owned);
                    break;
                case "HasBaseType" when arguments.Count == 1 && Constant(arguments[0].Expression) is { } baseType:
                    BaseType = baseType;
                    break;
                case "ToTable" when arguments.Count >= 1 && Constant(arguments[0].Expression) is { } table:
                    Table = table;
                    Schema = arguments.Count >= 2 ? Constant(arguments[1].Expression) : null;
                    break;
                case "Property" when arguments.Count == 1 && Constant(arguments[0].Expression) is { } property:
                    Properties.Add(calls.Select(c => (MethodName(c), c)).ToList());
                    foreach (var call in calls.Skip(1))
                    {
                        if (MethodName(call) == "HasColumnName" && call.ArgumentList.Arguments.Count == 1 &&
                            Constant(call.ArgumentList.Arguments[0].Expression) is { } column)
                        {
                            ColumnNames[property] = column;
                        }
                    }

                    break;
                case "HasKey":
                case "HasAlternateKey":
                case "HasIndex":
                    var properties = Strings(arguments);
                    if (properties.IsDefault || properties.IsEmpty)
                    {
                        return;
                    }

                    var index = new IndexBuilder { Properties = properties, IsKey = MethodName(first) == "HasKey", IsUnique = MethodName(first) != "HasIndex" };
                    foreach (var call in calls.Skip(1))
                    {
                        var callArguments = call.ArgumentList.Arguments;
                        switch (MethodName(call))
                        {
                            case "IsUnique":
                                index.IsUnique = callArguments.Count == 0 || callArguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression);
                                break;
                            case "HasDatabaseName" or "HasName" when callArguments.Count == 1:
                                index.Name = Constant(callArguments[0].Expression);
                                break;
                            case "HasFilter" when callArguments.Count == 1 && callArguments[0].Expression.IsKind(SyntaxKind.NullLiteralExpression):
                                break;
                            case "HasFilter" or "HasMethod" or "HasOperators" or "IncludeProperties" or "IsTsVectorExpressionIndex" or "HasCollation" or "IsDescending":
                                index.IsSpecial = true;
                                break;
                        }
                    }

                    Indexes.Add(index);
                    break;
            }
        }
    }
}
