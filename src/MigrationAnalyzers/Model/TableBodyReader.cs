using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Reads CreateTable's <c>columns: table => new { Id = table.Column&lt;int&gt;(…) }</c> and
/// <c>constraints: table => { table.PrimaryKey(…); table.ForeignKey(…); }</c> lambdas.
/// Constraint column selectors (<c>x => x.Id</c>, <c>x => new { x.A, x.B }</c>) are mapped from
/// anonymous-type members to column names.
/// </summary>
internal sealed class TableBodyReader
{
    private readonly EfTypes _types;
    private readonly SyntaxValueReader _reader;
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly ExecutionCondition _condition;
    private readonly bool _inLoop;
    private readonly bool _fromHelper;
    private bool _unreadable;

    public TableBodyReader(EfTypes types, SyntaxValueReader reader, ExecutionCondition condition, bool inLoop, bool fromHelper, CancellationToken cancellationToken)
    {
        _types = types;
        _reader = reader;
        _model = reader.Model;
        _condition = condition;
        _inLoop = inLoop;
        _fromHelper = fromHelper;
        _cancellationToken = cancellationToken;
    }

    public void Read(MigrationOperation createTable)
    {
        var columns = ReadColumns(createTable["columns"].Syntax);
        var byProperty = new Dictionary<string, string>();
        foreach (var column in columns)
        {
            if (column.PropertyName is { } property && column.Name is { } name)
            {
                byProperty[property] = name;
            }
        }

        var constraints = createTable["constraints"].IsNull
            ? ImmutableArray<MigrationOperation>.Empty
            : ReadConstraints(createTable["constraints"].Syntax, byProperty);
        createTable.SetTableBody(columns, constraints, _unreadable);
    }

    private ImmutableArray<ColumnDefinition> ReadColumns(SyntaxNode? lambdaSyntax)
    {
        var result = ImmutableArray.CreateBuilder<ColumnDefinition>();
        if (LambdaBody(lambdaSyntax) is not AnonymousObjectCreationExpressionSyntax creation)
        {
            _unreadable = true;
            return result.ToImmutable();
        }

        var tableParameter = LambdaParameter(lambdaSyntax);
        foreach (var member in creation.Initializers)
        {
            if (ReadCall(member.Expression, _types.ColumnsBuilder, tableParameter) is not { Method.Name: "Column" } call)
            {
                _unreadable = true;
                continue;
            }

            var (invocation, annotations, arguments, clrType) = (call.Invocation, call.Annotations, call.Arguments, call.TypeArgument);
            var property = member.NameEquals?.Name.Identifier.ValueText;
            var name = arguments.TryGetValue("name", out var explicitName) && !explicitName.IsNull
                ? explicitName.AsString()
                : property;
            result.Add(new ColumnDefinition(name, clrType, arguments, annotations, invocation, property));
        }

        return result.ToImmutable();
    }

    private ImmutableArray<MigrationOperation> ReadConstraints(SyntaxNode? lambdaSyntax, Dictionary<string, string> byProperty)
    {
        var result = ImmutableArray.CreateBuilder<MigrationOperation>();
        var body = LambdaBody(lambdaSyntax);
        IEnumerable<ExpressionSyntax> expressions = body switch
        {
            BlockSyntax block => ExpressionsOf(block),
            ExpressionSyntax single => new[] { single },
            _ => System.Array.Empty<ExpressionSyntax>(),
        };
        if (body is null)
        {
            _unreadable = true;
        }

        var tableParameter = LambdaParameter(lambdaSyntax);
        foreach (var expression in expressions)
        {
            if (ReadCall(expression, _types.CreateTableBuilder, tableParameter) is not { } call)
            {
                _unreadable = true;
                continue;
            }

            var (invocation, annotations, method) = (call.Invocation, call.Annotations, call.Method);
            var kind = method.Name switch
            {
                "PrimaryKey" => MigrationOperationKind.AddPrimaryKey,
                "ForeignKey" => MigrationOperationKind.AddForeignKey,
                "UniqueConstraint" => MigrationOperationKind.AddUniqueConstraint,
                "CheckConstraint" => MigrationOperationKind.AddCheckConstraint,
                _ => MigrationOperationKind.Unknown,
            };
            var arguments = call.Arguments.ToBuilder();
            foreach (var selector in new[] { "column", "columns" })
            {
                if (arguments.TryGetValue(selector, out var value) && value.Kind == ArgumentValueKind.Lambda)
                {
                    arguments[selector] = SelectedColumns(value.Syntax, byProperty);
                }
            }

            var constraint = new MigrationOperation(kind, method.Name, invocation, expression, arguments.ToImmutable(), null, annotations, _condition, _inLoop, _fromHelper);
            if (kind == MigrationOperationKind.AddCheckConstraint)
            {
                var sqlSyntax = call.Arguments.TryGetValue("sql", out var sqlValue) ? sqlValue.Syntax as ExpressionSyntax : null;
                var sql = sqlSyntax is null
                    ? (Text: (string?)null, Template: (string?)null)
                    : _reader.ReadSql(sqlSyntax) ?? BoundSql(sqlSyntax);
                constraint.SetSql(sql.Text, sql.Template);
            }

            result.Add(constraint);
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A <c>table.X(…)</c> call of the lambda, read from tokens when its overload is clear, else bound
    /// (the columns of a scaffolded CreateTable are all literals: binding them would cost a compile).
    /// </summary>
    private Call? ReadCall(ExpressionSyntax expression, INamedTypeSymbol? builderType, string? tableParameter)
    {
        var (root, annotations) = SyntacticChain.Unwind(expression, _reader);
        if (root is not null && builderType is not null && tableParameter is not null && !expression.ContainsDiagnostics &&
            SyntacticChain.Target(root) is { } target && target.Receiver == tableParameter)
        {
            var typeArguments = target.Method is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : default;
            var candidates = builderType.GetMembers(target.Method.Identifier.ValueText)
                .OfType<IMethodSymbol>()
                .Where(m => !m.IsStatic && m.Arity == typeArguments.Count);
            if (ParameterMapper.Map(candidates, root.ArgumentList, _reader) is { } mapped)
            {
                var typeArgument = typeArguments.Count == 1 ? _reader.BindType(typeArguments[0]) : null;
                if (typeArguments.Count == 0 || typeArgument is not null)
                {
                    return new Call(root, annotations, mapped.Method, mapped.Arguments, typeArgument);
                }
            }
        }

        _reader.MarkUsedCompilation();
        var (boundRoot, boundAnnotations) = FluentChain.Unwind(expression, _model, _cancellationToken);
        if (boundRoot is null || _model.GetOperation(boundRoot, _cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        return new Call(boundRoot, boundAnnotations, method, ArgumentReader.Read(operation, _model, _cancellationToken), method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null);
    }

    private (string? Text, string? Template) BoundSql(ExpressionSyntax sql)
    {
        _reader.MarkUsedCompilation();
        return SqlTextReader.Read(_model.GetOperation(sql, _cancellationToken));
    }

    private static string? LambdaParameter(SyntaxNode? lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    private sealed record Call(
        InvocationExpressionSyntax Invocation,
        ImmutableArray<Annotation> Annotations,
        IMethodSymbol Method,
        ImmutableDictionary<string, ArgumentValue> Arguments,
        ITypeSymbol? TypeArgument);

    /// <summary><c>x => x.Id</c> or <c>x => new { x.A, x.B }</c> as an array of column names.</summary>
    private ArgumentValue SelectedColumns(SyntaxNode? lambdaSyntax, Dictionary<string, string> byProperty)
    {
        var body = LambdaBody(lambdaSyntax);
        var members = new List<ExpressionSyntax>();
        if (body is AnonymousObjectCreationExpressionSyntax anonymous)
        {
            foreach (var initializer in anonymous.Initializers)
            {
                members.Add(initializer.Expression);
            }
        }
        else if (body is ExpressionSyntax single)
        {
            members.Add(single);
        }

        var elements = ImmutableArray.CreateBuilder<ArgumentValue>(members.Count);
        foreach (var member in members)
        {
            if (member is MemberAccessExpressionSyntax access && byProperty.TryGetValue(access.Name.Identifier.ValueText, out var column))
            {
                elements.Add(new ArgumentValue(ArgumentValueKind.Constant, column, access));
            }
            else
            {
                elements.Add(new ArgumentValue(ArgumentValueKind.Unknown, null, member));
            }
        }

        if (members.Count == 0)
        {
            return new ArgumentValue(ArgumentValueKind.Unknown, null, lambdaSyntax);
        }

        return new ArgumentValue(ArgumentValueKind.Array, null, lambdaSyntax, elements.MoveToImmutable());
    }

    private static IEnumerable<ExpressionSyntax> ExpressionsOf(BlockSyntax block)
    {
        foreach (var statement in block.Statements)
        {
            if (statement is ExpressionStatementSyntax expressionStatement)
            {
                yield return expressionStatement.Expression;
            }
        }
    }

    private static SyntaxNode? LambdaBody(SyntaxNode? syntax) => syntax switch
    {
        LambdaExpressionSyntax lambda => (SyntaxNode?)lambda.ExpressionBody ?? lambda.Block,
        _ => null,
    };
}
