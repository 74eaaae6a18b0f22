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

    public OperationCollector(EfTypes types, CancellationToken cancellationToken)
    {
        _types = types;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Set when the body calls <c>base.Up/Down</c> of EF's own <c>Migration</c>.</summary>
    public bool CallsBase { get; private set; }

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

        Visit(body, Model(body.SyntaxTree), scope);
        _visiting.Remove(declaration);
    }

    private void Visit(SyntaxNode node, SemanticModel model, Scope scope)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (node)
        {
            case InvocationExpressionSyntax invocation when TryReadInvocation(invocation, model, scope):
                return;
            case IfStatementSyntax ifStatement:
                var (whenTrue, whenFalse) = ConditionReader.Read(ifStatement.Condition, model, _cancellationToken);
                Visit(ifStatement.Statement, model, scope with { Condition = scope.Condition.And(whenTrue) });
                if (ifStatement.Else is not null)
                {
                    Visit(ifStatement.Else.Statement, model, scope with { Condition = scope.Condition.And(whenFalse) });
                }

                return;
            case ConditionalExpressionSyntax conditional:
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

        if (target.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.EntityFrameworkCore", System.StringComparison.Ordinal) == true)
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
        var kind = MigrationOperationKinds.FromMethodName(method);
        var operation = model.GetOperation(invocation, _cancellationToken) as IInvocationOperation;
        var arguments = ArgumentReader.Read(operation, model, _cancellationToken);
        var clrType = method.TypeArguments.Length == 1 && kind is MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn
            ? method.TypeArguments[0]
            : null;
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
                new TableBodyReader(model, scope.Condition, scope.InLoop, scope.FromHelper, _cancellationToken).Read(result);
                break;
            case MigrationOperationKind.Sql:
            case MigrationOperationKind.AddCheckConstraint:
                var sqlArgument = operation?.Arguments.FirstOrDefault(a => a.Parameter?.Name == "sql")?.Value;
                var (text, template) = SqlTextReader.Read(sqlArgument);
                result.SetSql(text, template);
                break;
        }

        _operations.Add(result);
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
    private bool TouchesBuilder(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        foreach (var identifier in invocation.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                if (identifier.Identifier.ValueText == "Operations" &&
                    _types.IsMigrationBuilder(model.GetTypeInfo(access.Expression, _cancellationToken).Type))
                {
                    return true;
                }

                continue;
            }

            if (!_types.IsMigrationBuilder(model.GetTypeInfo(identifier, _cancellationToken).Type))
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

    private readonly record struct Scope(ExecutionCondition Condition, bool InLoop, bool FromHelper, int Depth);
}
