using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Walks an Up/Down body in source order and turns every <c>MigrationBuilder</c> call into a
/// <see cref="MigrationOperation"/>. Follows helper methods in source that take the builder,
/// provider branches (<c>if</c>/ternary), loops and lambdas; records what it cannot read
/// (a helper without source, the builder handed elsewhere, <c>Operations.Add</c>) as
/// <see cref="MigrationOperationKind.Unknown"/>. Binds by symbol: the builder parameter may have any name.
/// </summary>
internal sealed class OperationCollector
{
    private const int MaxHelperDepth = 8;

    private readonly EfTypes _types;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<MigrationOperation>.Builder _operations = ImmutableArray.CreateBuilder<MigrationOperation>();
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly HashSet<SyntaxNode> _visiting = new();
    private readonly Dictionary<SemanticModel, SyntaxValueReader> _readers = new();
    private bool _usedCompilation;

    public OperationCollector(EfTypes types, CancellationToken cancellationToken)
    {
        _types = types;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Reads a builder call from its tokens when they say everything (the fast path); false sends
    /// every call through the compiler's binding. Only the differential test turns it off: both
    /// paths must give the same operations.
    /// </summary>
    internal bool TokenPath { get; set; } = true;

    /// <summary>Set when the body calls <c>base.Up/Down</c> of EF's own <c>Migration</c>.</summary>
    public bool CallsBase { get; private set; }

    /// <summary>
    /// True when the read depends on the compilation, not only on the body's tokens and the
    /// referenced assemblies: a call or condition was bound, a value deferred, a type is the
    /// project's own. Such a read is not kept for the next compilation (<see cref="MethodReadCache"/>).
    /// </summary>
    public bool UsedCompilation => _usedCompilation || _readers.Values.Any(r => r.UsedCompilation);

    /// <summary>The identifiers of the type names the token path bound (to referenced assemblies).</summary>
    public ImmutableArray<string> BoundTypeNames =>
        _readers.Values.SelectMany(r => r.BoundTypeNames).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The names the read found resolving nowhere (an unknown value, an unresolved call): it holds while none is declared.</summary>
    public ImmutableArray<string> UnresolvedNames =>
        _readers.Values.SelectMany(r => r.Unresolved.Found).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToImmutableArray();

    public SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
            model = _types.Compilation.GetSemanticModel(tree);
            _models[tree] = model;
        }

        return model;
    }

    public ImmutableArray<MigrationOperation> Collect(BaseMethodDeclarationSyntax method)
    {
        VisitBody(method, new Scope(ExecutionCondition.Always, InLoop: false, FromHelper: false, Depth: 0));
        return _operations.ToImmutable();
    }

    private void VisitBody(SyntaxNode declaration, Scope scope)
    {
        SyntaxNode? body = declaration switch
        {
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
            _ => null,
        };
        if (body is null || !_visiting.Add(declaration))
        {
            return;
        }

        Visit(body, Model(body.SyntaxTree), scope with { BuilderName = BuilderName(declaration, body) });
        _visiting.Remove(declaration);
    }

    private void Visit(SyntaxNode node, SemanticModel model, Scope scope)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (node)
        {
            case InvocationExpressionSyntax invocation when CannotTouchBuilder(invocation, scope):
                // No token names the builder: nothing to bind (SPEC §7 cost).
                return;
            case InvocationExpressionSyntax invocation when (TokenPath && TryReadSyntactically(invocation, model, scope)) || TryReadInvocation(invocation, model, scope):
                return;
            case IfStatementSyntax ifStatement:
                _usedCompilation = true;
                var (whenTrue, whenFalse) = ConditionReader.Read(ifStatement.Condition, model, _cancellationToken);
                Visit(ifStatement.Statement, model, scope with { Condition = scope.Condition.And(whenTrue) });
                if (ifStatement.Else is not null)
                {
                    Visit(ifStatement.Else.Statement, model, scope with { Condition = scope.Condition.And(whenFalse) });
                }

                return;
            case ConditionalExpressionSyntax conditional:
                _usedCompilation = true;
                var (trueBranch, falseBranch) = ConditionReader.Read(conditional.Condition, model, _cancellationToken);
                Visit(conditional.WhenTrue, model, scope with { Condition = scope.Condition.And(trueBranch) });
                Visit(conditional.WhenFalse, model, scope with { Condition = scope.Condition.And(falseBranch) });
                return;
            case SwitchStatementSyntax or SwitchExpressionSyntax:
                VisitChildren(node, model, scope with { Condition = ExecutionCondition.Unknown });
                return;
            case CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or AnonymousFunctionExpressionSyntax:
                // May run any number of times, zero included.
                VisitChildren(node, model, scope with { InLoop = true });
                return;
            case LocalFunctionStatementSyntax:
                // Read where it is called, not where it is declared.
                return;
        }

        VisitChildren(node, model, scope);
    }

    private void VisitChildren(SyntaxNode node, SemanticModel model, Scope scope)
    {
        foreach (var child in node.ChildNodes())
        {
            Visit(child, model, scope);
        }
    }

    /// <summary>True when the invocation was consumed (an operation, a helper, an unknown).</summary>
    private bool TryReadInvocation(InvocationExpressionSyntax invocation, SemanticModel model, Scope scope)
    {
        if (scope.BuilderName is { } builderName && Reader(model).Unresolved.IsUnresolvedCall(invocation))
        {
            // Its target resolves nowhere, so binding would find no method (and cost the statement's
            // error recovery): an operation we cannot read when it is handed the builder.
            if (NamesBuilder(invocation, builderName))
            {
                AddUnknown(invocation, scope);
                return true;
            }

            return false;
        }

        _usedCompilation = true;
        var symbol = model.GetSymbolInfo(invocation, _cancellationToken).Symbol as IMethodSymbol;
        if (symbol is null)
        {
            // Broken or unresolved code: if it touches the builder, it is an operation we cannot read.
            if (TouchesBuilder(invocation, model))
            {
                AddUnknown(invocation, scope);
                return true;
            }

            return false;
        }

        if (EfTypes.IsOperationsBuilderNamespace(symbol.ContainingType))
        {
            var (root, annotations) = FluentChain.Unwind(invocation, model, _cancellationToken);
            if (root is not null && model.GetSymbolInfo(root, _cancellationToken).Symbol is IMethodSymbol rootMethod &&
                _types.IsMigrationBuilder(rootMethod.ContainingType))
            {
                AddOperation(root, invocation, rootMethod, annotations, model, scope);
            }
            else
            {
                AddUnknown(invocation, scope);
            }

            return true;
        }

        if (_types.IsMigrationBuilder(symbol.ContainingType))
        {
            AddOperation(invocation, invocation, symbol, ImmutableArray<Annotation>.Empty, model, scope);
            return true;
        }

        var builderParameter = symbol.ReducedFrom?.Parameters.FirstOrDefault() ?? symbol.Parameters.FirstOrDefault(p => _types.IsMigrationBuilder(p.Type));
        var takesBuilder = builderParameter is not null && _types.IsMigrationBuilder(builderParameter.Type);
        if (!takesBuilder)
        {
            if (symbol.MethodKind == MethodKind.LocalFunction &&
                symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is LocalFunctionStatementSyntax local &&
                scope.Depth < MaxHelperDepth && !_visiting.Contains(local))
            {
                // A local function that captures the builder instead of taking it: read where it is called.
                VisitBody(local, scope with { FromHelper = true, Depth = scope.Depth + 1 });
                VisitChildren(invocation, model, scope);
                return true;
            }

            if (TouchesBuilder(invocation, model))
            {
                AddUnknown(invocation, scope);
                return true;
            }

            return false;
        }

        if (symbol.ReturnType.SpecialType == SpecialType.System_Boolean && symbol.Parameters.Length <= 1)
        {
            // IsNpgsql()/IsSqlServer()…: a provider test, read by ConditionReader where it branches.
            return true;
        }

        var target = symbol.ReducedFrom ?? symbol;
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } &&
            target.DeclaringSyntaxReferences.IsEmpty)
        {
            // base.Up(migrationBuilder) into EF's own Migration: nothing to read.
            CallsBase = true;
            return true;
        }

        var source = target.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken);
        if (source is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax && scope.Depth < MaxHelperDepth && !_visiting.Contains(source))
        {
            VisitBody(source, scope with { FromHelper = true, Depth = scope.Depth + 1 });
            return true;
        }

        if (SymbolNames.IsWithinNamespace(target.ContainingNamespace, "Microsoft.EntityFrameworkCore"))
        {
            // A provider's own builder extension (e.g. Npgsql's EnsurePostgresExtension): a real, untyped operation.
            AddOperation(invocation, invocation, symbol, ImmutableArray<Annotation>.Empty, model, scope);
            return true;
        }

        AddUnknown(invocation, scope);
        return true;
    }

    private void AddOperation(
        InvocationExpressionSyntax invocation,
        ExpressionSyntax statementExpression,
        IMethodSymbol method,
        ImmutableArray<Annotation> annotations,
        SemanticModel model,
        Scope scope)
    {
        var operation = model.GetOperation(invocation, _cancellationToken) as IInvocationOperation;
        var arguments = ArgumentReader.Read(operation, model, _cancellationToken);
        var clrType = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
        BuildOperation(invocation, statementExpression, method, arguments, clrType, annotations, model, scope);
    }

    /// <summary>
    /// The fast path: <c>migrationBuilder.X(…)</c> (with any <c>.Annotation</c> chain) read from tokens,
    /// its overload chosen by <see cref="ParameterMapper"/>. False hands the call to the compiler's binding.
    /// </summary>
    private bool TryReadSyntactically(InvocationExpressionSyntax invocation, SemanticModel model, Scope scope)
    {
        if (scope.BuilderName is not { } builderName)
        {
            return false;
        }

        var reader = Reader(model);
        var (root, annotations) = SyntacticChain.Unwind(invocation, reader);
        if (root is null || SyntacticChain.Target(root) is not { } target || target.Receiver != builderName ||
            invocation.ContainsDiagnostics)
        {
            // Code being typed (syntax errors) goes through the compiler's binding, which marks what it cannot read.
            return false;
        }

        var typeArguments = target.Method is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : default;
        var candidates = _types.MigrationBuilder.GetMembers(target.Method.Identifier.ValueText)
            .OfType<IMethodSymbol>()
            .Where(m => !m.IsStatic && (m.Arity == typeArguments.Count || typeArguments.Count == 0 && InfersTypeArguments(m)));
        if (ParameterMapper.Map(candidates, root.ArgumentList, reader) is not { } mapped)
        {
            return false;
        }

        ITypeSymbol? clrType = null;
        if (typeArguments.Count == 1 && (clrType = reader.BindType(typeArguments[0])) is null)
        {
            return false;
        }

        BuildOperation(root, invocation, mapped.Method, mapped.Arguments, clrType, annotations, model, scope);
        return true;
    }

    /// <summary>
    /// <c>CreateTable(…)</c> is <c>CreateTable&lt;TColumns&gt;</c> with the type argument inferred
    /// from the columns lambda: a generic method may be called without type arguments when each of
    /// its type parameters appears in a parameter's type (then the argument passed there decides it).
    /// </summary>
    private static bool InfersTypeArguments(IMethodSymbol method) =>
        method.TypeParameters.All(t => method.Parameters.Any(p => Mentions(p.Type, t)));

    private static bool Mentions(ITypeSymbol type, ITypeParameterSymbol parameter) => type switch
    {
        ITypeParameterSymbol candidate => SymbolEqualityComparer.Default.Equals(candidate, parameter),
        INamedTypeSymbol named => named.TypeArguments.Any(a => Mentions(a, parameter)),
        IArrayTypeSymbol array => Mentions(array.ElementType, parameter),
        _ => false,
    };

    private void BuildOperation(
        InvocationExpressionSyntax invocation,
        ExpressionSyntax statementExpression,
        IMethodSymbol method,
        ImmutableDictionary<string, ArgumentValue> arguments,
        ITypeSymbol? typeArgument,
        ImmutableArray<Annotation> annotations,
        SemanticModel model,
        Scope scope)
    {
        var kind = MigrationOperationKinds.FromMethodName(method);
        var clrType = kind is MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn ? typeArgument : null;
        var result = new MigrationOperation(kind, method.Name, invocation, statementExpression, arguments, clrType, annotations, scope.Condition, scope.InLoop, scope.FromHelper);

        switch (kind)
        {
            case MigrationOperationKind.AddColumn:
                result.SetColumns(new ColumnDefinition(result.Name, clrType, arguments, NewAnnotations(annotations, old: false), invocation), null);
                break;
            case MigrationOperationKind.AlterColumn:
                var oldClrType = arguments.TryGetValue("oldClrType", out var oldType) && oldType.Kind == ArgumentValueKind.TypeOf ? oldType.Type : null;
                result.SetColumns(
                    new ColumnDefinition(result.Name, clrType, arguments, NewAnnotations(annotations, old: false), invocation),
                    new ColumnDefinition(result.Name, oldClrType, arguments, NewAnnotations(annotations, old: true), invocation, prefix: "old"));
                break;
            case MigrationOperationKind.CreateTable:
                new TableBodyReader(_types, Reader(model), scope.Condition, scope.InLoop, scope.FromHelper, _cancellationToken).Read(result);
                break;
            case MigrationOperationKind.Sql:
            case MigrationOperationKind.AddCheckConstraint:
                var (text, template) = ReadSql(arguments, model);
                result.SetSql(text, template);
                break;
        }

        _operations.Add(result);
    }

    /// <summary>The Sql text from tokens when they are all literal, else through the compiler's constant folding.</summary>
    private (string? Text, string? Template) ReadSql(ImmutableDictionary<string, ArgumentValue> arguments, SemanticModel model)
    {
        if (!arguments.TryGetValue("sql", out var sql) || sql.Syntax is not ExpressionSyntax expression)
        {
            return (null, null);
        }

        if (Reader(model).ReadSql(expression) is { } fromTokens)
        {
            return fromTokens;
        }

        _usedCompilation = true;
        return SqlTextReader.Read(model.GetOperation(expression, _cancellationToken));
    }

    private SyntaxValueReader Reader(SemanticModel model)
    {
        if (!_readers.TryGetValue(model, out var reader))
        {
            reader = new SyntaxValueReader(model, _cancellationToken);
            _readers[model] = reader;
        }

        return reader;
    }

    /// <summary>
    /// A call through a member access whose tokens never name the builder cannot reach it (a
    /// simple-name call may be a local function that captures it, so those are still bound).
    /// </summary>
    private static bool CannotTouchBuilder(InvocationExpressionSyntax invocation, Scope scope)
    {
        if (scope.BuilderName is not { } name || invocation.Expression is not MemberAccessExpressionSyntax)
        {
            return false;
        }

        foreach (var token in invocation.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The MigrationBuilder parameter's name, when the body only ever uses it as <c>name.X(…)</c>,
    /// <c>name.ActiveProvider</c> or passes it as an argument; null when it is aliased or captured
    /// some other way (then every call is bound, and nothing is skipped by name).
    /// </summary>
    private static string? BuilderName(SyntaxNode declaration, SyntaxNode body)
    {
        var parameters = declaration switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
            _ => default,
        };
        string? name = null;
        foreach (var parameter in parameters)
        {
            var typeName = parameter.Type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (typeName == "MigrationBuilder")
            {
                name = parameter.Identifier.ValueText;
            }
        }

        if (name is null)
        {
            return null;
        }

        foreach (var identifier in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != name)
            {
                continue;
            }

            var usedDirectly = identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier ||
                identifier.Parent is ArgumentSyntax;
            if (!usedDirectly)
            {
                return null;
            }
        }

        return name;
    }

    private static ImmutableArray<Annotation> NewAnnotations(ImmutableArray<Annotation> annotations, bool old) =>
        annotations.Where(a => a.IsOld == old).ToImmutableArray();

    private void AddUnknown(InvocationExpressionSyntax invocation, Scope scope)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => invocation.Expression.ToString(),
        };
        _operations.Add(new MigrationOperation(
            MigrationOperationKind.Unknown, name, invocation, invocation, ImmutableDictionary<string, ArgumentValue>.Empty,
            null, ImmutableArray<Annotation>.Empty, scope.Condition, scope.InLoop, scope.FromHelper));
    }

    /// <summary>
    /// The builder itself is passed on, or its <c>Operations</c> list is used: something changes the
    /// migration that the model cannot see. Reading <c>ActiveProvider</c> is harmless.
    /// </summary>
    private bool TouchesBuilder(InvocationExpressionSyntax invocation, SemanticModel model) =>
        TouchesBuilder(invocation, expression => _types.IsMigrationBuilder(model.GetTypeInfo(expression, _cancellationToken).Type));

    /// <summary>
    /// The same from the tokens, where the builder parameter is only ever used by its name
    /// (<see cref="Scope.BuilderName"/>): that name passed on, or its <c>Operations</c> used.
    /// </summary>
    private static bool NamesBuilder(InvocationExpressionSyntax invocation, string builderName) =>
        TouchesBuilder(invocation, expression => expression is IdentifierNameSyntax name && name.Identifier.ValueText == builderName);

    private static bool TouchesBuilder(InvocationExpressionSyntax invocation, Func<ExpressionSyntax, bool> isBuilder)
    {
        foreach (var identifier in invocation.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                if (identifier.Identifier.ValueText == "Operations" && isBuilder(access.Expression))
                {
                    return true;
                }

                continue;
            }

            if (!isBuilder(identifier))
            {
                continue;
            }

            if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ActiveProvider" })
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <param name="BuilderName">The builder parameter's name in the current body; null when the body
    /// aliases the builder, so every call goes through the compiler's binding.</param>
    private readonly record struct Scope(ExecutionCondition Condition, bool InLoop, bool FromHelper, int Depth, string? BuilderName = null);
}
