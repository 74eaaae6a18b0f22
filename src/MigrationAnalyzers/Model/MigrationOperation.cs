using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// One operation of an <c>Up</c> or <c>Down</c> method, typed by <see cref="Kind"/>, with every
/// argument resolved by parameter (named or positional, omitted ones at EF's defaults).
/// Constraints declared inside <c>CreateTable</c> are operations too (Add* kinds) with
/// <see cref="Parent"/> set, so rules read foreign keys the same way wherever they are declared.
/// </summary>
internal sealed class MigrationOperation
{
    public MigrationOperation(
        MigrationOperationKind kind,
        string methodName,
        SyntaxNode syntax,
        SyntaxNode statementExpression,
        ImmutableDictionary<string, ArgumentValue> arguments,
        ITypeSymbol? clrType,
        ImmutableArray<Annotation> annotations,
        ExecutionCondition condition,
        bool inLoop,
        bool fromHelper)
    {
        Kind = kind;
        MethodName = methodName;
        Syntax = syntax;
        StatementExpression = statementExpression;
        Arguments = arguments;
        ClrType = clrType;
        Annotations = annotations;
        Condition = condition;
        InLoop = inLoop;
        FromHelper = fromHelper;
    }

    public MigrationOperationKind Kind { get; }

    /// <summary>The EF method name (<c>AddColumn</c>, <c>ForeignKey</c> for a CreateTable constraint…).</summary>
    public string MethodName { get; }

    /// <summary>The <c>migrationBuilder.X(…)</c> (or <c>table.ForeignKey(…)</c>) invocation.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The whole expression including any <c>.Annotation(…)</c> chain: what a fix replaces.</summary>
    public SyntaxNode StatementExpression { get; }

    /// <summary>Where diagnostics on this operation go: the start of the invocation.</summary>
    public Location Location => Syntax.GetLocation();

    public ImmutableDictionary<string, ArgumentValue> Arguments { get; }

    public ITypeSymbol? ClrType { get; }

    public ImmutableArray<Annotation> Annotations { get; }

    public ExecutionCondition Condition { get; }

    /// <summary>Inside a loop: may run any number of times with arguments the model cannot see.</summary>
    public bool InLoop { get; }

    /// <summary>Read from a helper method of the migration rather than Up/Down itself.</summary>
    public bool FromHelper { get; }

    /// <summary>For a constraint declared inside CreateTable: the CreateTable operation.</summary>
    public MigrationOperation? Parent { get; private set; }

    /// <summary>CreateTable only: the columns lambda, in declaration order.</summary>
    public ImmutableArray<ColumnDefinition> TableColumns { get; private set; } = ImmutableArray<ColumnDefinition>.Empty;

    /// <summary>CreateTable only: the constraints lambda (PrimaryKey, ForeignKey, UniqueConstraint, CheckConstraint).</summary>
    public ImmutableArray<MigrationOperation> Constraints { get; private set; } = ImmutableArray<MigrationOperation>.Empty;

    /// <summary>CreateTable only: true when the columns or constraints lambda holds something unreadable.</summary>
    public bool HasUnreadableTableBody { get; private set; }

    /// <summary>The column of AddColumn / AlterColumn (new side).</summary>
    public ColumnDefinition? Column { get; private set; }

    /// <summary>AlterColumn only: the <c>old…</c> side.</summary>
    public ColumnDefinition? OldColumn { get; private set; }

    public ArgumentValue this[string parameter] =>
        Arguments.TryGetValue(parameter, out var value) ? value : ArgumentValue.Missing;

    /// <summary>The table the operation acts on (for CreateTable/DropTable/RenameTable/AlterTable: its <c>name</c>).</summary>
    public string? Table => Kind switch
    {
        MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable or MigrationOperationKind.AlterTable
            => this["name"].AsString(),
        _ when Parent is not null => Parent.Table,
        _ => this["table"].AsString(),
    };

    public string? Schema => Parent is not null ? Parent.Schema : this["schema"].AsString();

    public string? Name => this["name"].AsString();

    public string? NewName => this["newName"].AsString();

    /// <summary>Columns of an index, key or data operation: <c>columns</c> or the single <c>column</c>.</summary>
    public ImmutableArray<string> Columns => PluralOrSingle("columns", "column");

    public ImmutableArray<string> PrincipalColumns => PluralOrSingle("principalColumns", "principalColumn");

    public string? PrincipalTable => this["principalTable"].AsString();

    /// <summary>The SQL of a <c>Sql</c> operation (or a check constraint) when fully constant.</summary>
    public string? SqlText { get; private set; }

    /// <summary>
    /// The SQL with every non-constant interpolation hole replaced by <c>{0}</c>, <c>{1}</c>…:
    /// lets a tokenizer see the statement shape of <c>$"DROP TABLE {schema}.x"</c>.
    /// </summary>
    public string? SqlTemplate { get; private set; }

    /// <summary>
    /// True when an argument that names something (table, column, schema, key…) is not constant.
    /// Other arguments (a default value, an annotation) are read only when a rule asks for them, so
    /// asking this never binds them.
    /// </summary>
    public bool HasUnknownArguments
    {
        get
        {
            if (Kind == MigrationOperationKind.Unknown)
            {
                return true;
            }

            foreach (var name in NamingParameters)
            {
                // CreateTable's "columns" is the columns lambda, read into TableColumns.
                if (Arguments.TryGetValue(name, out var value) && value.Kind != ArgumentValueKind.Lambda && !value.IsKnown)
                {
                    return true;
                }
            }

            return HasUnreadableTableBody;
        }
    }

    /// <summary>
    /// True when any argument at all is not constant (lambdas aside). Resolves deferred values, so a
    /// rule asks it only of operations it is about to report, not of every scaffolded one.
    /// </summary>
    public bool HasAnyUnknownArgument
    {
        get
        {
            foreach (var pair in Arguments)
            {
                if (pair.Value.Kind != ArgumentValueKind.Lambda && !pair.Value.IsKnown)
                {
                    return true;
                }
            }

            return HasUnknownArguments;
        }
    }

    /// <summary>The EF parameters that identify what an operation acts on.</summary>
    internal static readonly ImmutableArray<string> NamingParameters = ImmutableArray.Create(
        "name", "table", "schema", "newName", "newSchema", "column", "columns",
        "principalTable", "principalSchema", "principalColumn", "principalColumns", "keyColumn", "keyColumns");

    public bool IsTable(string? schema, string table) =>
        Table == table && SchemaEquals(Schema, schema);

    public static bool SchemaEquals(string? a, string? b) => (a ?? string.Empty) == (b ?? string.Empty);

    public override string ToString() => $"{MethodName}({Table ?? Name})";

    internal void SetTableBody(ImmutableArray<ColumnDefinition> columns, ImmutableArray<MigrationOperation> constraints, bool unreadable)
    {
        TableColumns = columns;
        Constraints = constraints;
        HasUnreadableTableBody = unreadable;
        foreach (var constraint in constraints)
        {
            constraint.Parent = this;
        }
    }

    internal void SetColumns(ColumnDefinition? column, ColumnDefinition? oldColumn)
    {
        Column = column;
        OldColumn = oldColumn;
    }

    internal void SetSql(string? text, string? template)
    {
        SqlText = text;
        SqlTemplate = template;
    }

    private ImmutableArray<string> PluralOrSingle(string plural, string single)
    {
        var many = this[plural];
        return !many.IsNull ? many.AsStrings() : this[single].AsStrings();
    }
}
