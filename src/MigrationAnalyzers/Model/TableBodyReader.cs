using System.Collections.Generic;
using System.Collections.Immutable;
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
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly ExecutionCondition _condition;
    private readonly bool _inLoop;
    private readonly bool _fromHelper;
    private bool _unreadable;

    public TableBodyReader(SemanticModel model, ExecutionCondition condition, bool inLoop, bool fromHelper, CancellationToken cancellationToken)
    {
        _model = model;
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

        foreach (var member in creation.Initializers)
        {
            var (invocation, annotations) = FluentChain.Unwind(member.Expression, _model, _cancellationToken);
            if (invocation is null ||
                _model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation { TargetMethod.Name: "Column" } operation)
            {
                _unreadable = true;
                continue;
            }

            var arguments = ArgumentReader.Read(operation, _model, _cancellationToken);
            var property = member.NameEquals?.Name.Identifier.ValueText;
            var name = arguments.TryGetValue("name", out var explicitName) && !explicitName.IsNull
                ? explicitName.AsString()
                : property;
            var clrType = operation.TargetMethod.TypeArguments.Length == 1 ? operation.TargetMethod.TypeArguments[0] : null;
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

        foreach (var expression in expressions)
        {
            var (invocation, annotations) = FluentChain.Unwind(expression, _model, _cancellationToken);
            if (invocation is null || _model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation operation)
            {
                _unreadable = true;
                continue;
            }

            var kind = operation.TargetMethod.Name switch
            {
                "PrimaryKey" => MigrationOperationKind.AddPrimaryKey,
                "ForeignKey" => MigrationOperationKind.AddForeignKey,
                "UniqueConstraint" => MigrationOperationKind.AddUniqueConstraint,
                "CheckConstraint" => MigrationOperationKind.AddCheckConstraint,
                _ => MigrationOperationKind.Unknown,
            };
            var arguments = ArgumentReader.Read(operation, _model, _cancellationToken).ToBuilder();
            foreach (var selector in new[] { "column", "columns" })
            {
                if (arguments.TryGetValue(selector, out var value) && value.Kind == ArgumentValueKind.Lambda)
                {
                    arguments[selector] = SelectedColumns(value.Syntax, byProperty);
                }
            }

            var constraint = new MigrationOperation(kind, operation.TargetMethod.Name, invocation, expression, arguments.ToImmutable(), null, annotations, _condition, _inLoop, _fromHelper);
            if (kind == MigrationOperationKind.AddCheckConstraint)
            {
                var sql = SqlTextReader.Read(operation.Arguments.Length > 1 ? FindArgument(operation, "sql") : null);
                constraint.SetSql(sql.Text, sql.Template);
            }

            result.Add(constraint);
        }

        return result.ToImmutable();
    }

    private static IOperation? FindArgument(IInvocationOperation operation, string name)
    {
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

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
