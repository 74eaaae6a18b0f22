using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// What a fix will change in one document, recorded before anything is rewritten: statements
/// replaced (or removed), statements inserted before or after one, statements prepended to Down
/// (a Down override is added when the class has none). <see cref="FixApplier"/> applies a plan in
/// one pass, for one diagnostic or a whole Fix All, so both give the same text; a fix whose plan
/// is empty is not offered. Generated statements are written at column 0 and laid out by
/// <see cref="Formatter.Annotation"/>: one blank line between operations, as EF scaffolds them,
/// unless the block is written compactly.
/// </summary>
internal sealed class FixPlan
{
    private readonly Dictionary<StatementSyntax, Replacement> _replaced = new();
    private readonly Dictionary<StatementSyntax, List<(int Order, StatementSyntax Statement)>> _before = new();
    private readonly Dictionary<StatementSyntax, List<(int Order, StatementSyntax Statement)>> _after = new();
    private readonly Dictionary<BlockSyntax, List<StatementSyntax>> _prepended = new();
    private readonly Dictionary<ClassDeclarationSyntax, (MethodDeclarationSyntax? Up, List<StatementSyntax> Statements)> _newDown = new();

    public FixPlan(string newLine) => NewLine = newLine;

    /// <summary>The document's line ending: generated code keeps CRLF files CRLF.</summary>
    public string NewLine { get; }

    public bool IsEmpty => _replaced.Count + _before.Count + _after.Count + _prepended.Count + _newDown.Count == 0;

    internal IReadOnlyDictionary<StatementSyntax, Replacement> Replaced => _replaced;

    internal IReadOnlyDictionary<BlockSyntax, List<StatementSyntax>> Prepended => _prepended;

    internal IReadOnlyDictionary<ClassDeclarationSyntax, (MethodDeclarationSyntax? Up, List<StatementSyntax> Statements)> NewDown => _newDown;

    /// <summary>The statement of a top-level operation of a block body; null when it is anything else (expression body, helper, nested expression).</summary>
    public static ExpressionStatementSyntax? StatementOf(MigrationOperation operation) =>
        operation.StatementExpression.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement && !operation.FromHelper
            ? statement
            : null;

    /// <summary>True when the statement is already replaced or removed (by this diagnostic or an earlier one of a Fix All).</summary>
    public bool IsEdited(StatementSyntax statement) => _replaced.ContainsKey(statement);

    /// <summary>
    /// Replaces <paramref name="statement"/>: the first new statement takes its leading trivia
    /// (comments, blank line), the last its trailing trivia. An edited statement is left as the first edit made it.
    /// </summary>
    public void Replace(StatementSyntax statement, IEnumerable<StatementSyntax> statements)
    {
        if (!IsEdited(statement))
        {
            _replaced[statement] = new Replacement(statements.ToList(), asIs: false);
        }
    }

    public void Replace(StatementSyntax statement, IEnumerable<EfCallWriter> calls) => Replace(statement, calls.Select(Statement));

    /// <summary>Replaces <paramref name="statement"/> with a node that carries its own trivia (a reordered or edited statement).</summary>
    public void ReplaceAsIs(StatementSyntax statement, StatementSyntax replacement)
    {
        if (!IsEdited(statement))
        {
            _replaced[statement] = new Replacement(new List<StatementSyntax> { replacement }, asIs: true);
        }
    }

    /// <summary>Removes the statement; its comments move to what follows.</summary>
    public void Remove(StatementSyntax statement)
    {
        if (!IsEdited(statement))
        {
            _replaced[statement] = new Replacement(null, asIs: false);
        }
    }

    /// <summary>Inserts before <paramref name="anchor"/>, which keeps its comments; insertions at one anchor are ordered by <paramref name="order"/>, then as recorded.</summary>
    public void InsertBefore(StatementSyntax anchor, IEnumerable<StatementSyntax> statements, int order = 0) => Add(_before, anchor, statements, order);

    /// <summary>Inserts after <paramref name="anchor"/>; insertions at one anchor are ordered by <paramref name="order"/>, then as recorded.</summary>
    public void InsertAfter(StatementSyntax anchor, IEnumerable<StatementSyntax> statements, int order = 0) => Add(_after, anchor, statements, order);

    /// <summary>
    /// Inserts at the start of Down, before statements prepended earlier (Down undoes Up in reverse
    /// order, so Fix All equals fixing one by one). When <paramref name="migration"/> declares no
    /// Down, one is added after Up in <paramref name="type"/> (by default Up's class). False for an expression-bodied Down.
    /// </summary>
    public bool PrependToDown(MigrationModel migration, IEnumerable<StatementSyntax> statements, ClassDeclarationSyntax? type = null)
    {
        type ??= migration.Up.Declaration?.Parent as ClassDeclarationSyntax;
        switch (migration.Down.Declaration)
        {
            case MethodDeclarationSyntax { Body: { } body }:
                Prepend(body, statements);
                return true;
            case null when type is not null:
                if (!_newDown.TryGetValue(type, out var down))
                {
                    var up = migration.Up.Declaration as MethodDeclarationSyntax;
                    down = (up?.Parent == type ? up : null, new List<StatementSyntax>());
                    _newDown[type] = down;
                }

                down.Statements.InsertRange(0, statements);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Inserts at the start of <paramref name="body"/>, before statements prepended earlier.</summary>
    public void Prepend(BlockSyntax body, IEnumerable<StatementSyntax> statements)
    {
        if (!_prepended.TryGetValue(body, out var list))
        {
            list = new List<StatementSyntax>();
            _prepended[body] = list;
        }

        list.InsertRange(0, statements);
    }

    /// <summary>True when statements are already prepended to Down (a fix that writes the whole Down does it once).</summary>
    public bool PrependsToDown(MigrationModel migration, ClassDeclarationSyntax? type = null)
    {
        type ??= migration.Up.Declaration?.Parent as ClassDeclarationSyntax;
        return migration.Down.Declaration is MethodDeclarationSyntax { Body: { } body }
            ? _prepended.ContainsKey(body)
            : type is not null && _newDown.ContainsKey(type);
    }

    /// <summary>A generated statement from C# written at column 0 (its comments on lines of their own above it).</summary>
    public StatementSyntax Statement(string code) =>
        SyntaxFactory.ParseStatement(code)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(NewLine))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>Generated statements from C# written at column 0, one after another (blank lines between them are the applier's).</summary>
    public IEnumerable<StatementSyntax> Statements(string code) =>
        ((BlockSyntax)SyntaxFactory.ParseStatement("{" + NewLine + code + NewLine + "}")).Statements.Select(statement =>
            statement.WithLeadingTrivia(statement.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(NewLine))
                .WithAdditionalAnnotations(Formatter.Annotation));

    public StatementSyntax Statement(EfCallWriter call) => Statement(call.ToCode(string.Empty, NewLine) + ";");

    /// <summary>An existing statement placed elsewhere by a replacement: its comments stay where it was, its indentation comes along.</summary>
    public static StatementSyntax Moved(StatementSyntax statement) =>
        statement.WithLeadingTrivia(statement.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());

    internal IEnumerable<StatementSyntax> Before(StatementSyntax anchor) => Ordered(_before, anchor);

    internal IEnumerable<StatementSyntax> After(StatementSyntax anchor) => Ordered(_after, anchor);

    internal IEnumerable<BlockSyntax> EditedBlocks() =>
        _replaced.Keys.Concat(_before.Keys).Concat(_after.Keys).Select(s => s.Parent).OfType<BlockSyntax>().Concat(_prepended.Keys).Distinct();

    private static IEnumerable<StatementSyntax> Ordered(Dictionary<StatementSyntax, List<(int Order, StatementSyntax Statement)>> map, StatementSyntax anchor) =>
        map.TryGetValue(anchor, out var list) ? list.OrderBy(e => e.Order).Select(e => e.Statement) : Enumerable.Empty<StatementSyntax>();

    private static void Add(Dictionary<StatementSyntax, List<(int Order, StatementSyntax Statement)>> map, StatementSyntax anchor, IEnumerable<StatementSyntax> statements, int order)
    {
        if (!map.TryGetValue(anchor, out var list))
        {
            list = new List<(int, StatementSyntax)>();
            map[anchor] = list;
        }

        list.AddRange(statements.Select(s => (order, s)));
    }

    /// <summary>What replaces a statement: null statements when it is removed.</summary>
    internal sealed class Replacement
    {
        public Replacement(List<StatementSyntax>? statements, bool asIs)
        {
            Statements = statements;
            AsIs = asIs;
        }

        public List<StatementSyntax>? Statements { get; }

        public bool AsIs { get; }
    }
}
