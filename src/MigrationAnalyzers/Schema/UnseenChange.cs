using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// What an operation may have done to tables without the model seeing how (SPEC §3 "Unknown is
/// silent"): an operation recorded as Unknown (a <c>CreateTable</c> whose column types did not bind,
/// a helper without source), one whose names are not constant (a loop over table names), a
/// <c>Sql</c> whose text is not known or that creates, rebuilds or alters a table. Rules that depend
/// on whether a table exists, or on what it holds, stay silent on the tables it may have touched.
/// </summary>
internal sealed class UnseenChange
{
    private static readonly UnseenChange Nothing = new(anyTable: false, ImmutableArray<string>.Empty, mayCreate: false);
    private static readonly UnseenChange AnyTableCreated = new(anyTable: true, ImmutableArray<string>.Empty, mayCreate: true);
    private static readonly UnseenChange AnyTableChanged = new(anyTable: true, ImmutableArray<string>.Empty, mayCreate: false);

    private UnseenChange(bool anyTable, ImmutableArray<string> tables, bool mayCreate)
    {
        AnyTable = anyTable;
        Tables = tables;
        MayCreate = mayCreate;
    }

    /// <summary>No table name can be told: every table may have been touched.</summary>
    public bool AnyTable { get; }

    /// <summary>The names (any case, any schema) of the tables it may have touched.</summary>
    public ImmutableArray<string> Tables { get; }

    /// <summary>May have created or rebuilt a table (not only changed its columns or keys).</summary>
    public bool MayCreate { get; }

    public bool IsNothing => !AnyTable && Tables.IsEmpty;

    /// <summary>True when it may have touched <paramref name="table"/>.</summary>
    public bool Touches(string? table)
    {
        if (AnyTable)
        {
            return true;
        }

        foreach (var name in Tables)
        {
            if (string.Equals(name, table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the operation may have created (or rebuilt) <paramref name="table"/> unseen.</summary>
    public static bool MayHaveCreated(MigrationOperation operation, string table) =>
        operation.Kind is MigrationOperationKind.Unknown or MigrationOperationKind.Sql or MigrationOperationKind.CreateTable or MigrationOperationKind.RenameTable &&
        MayChange(operation) && Of(operation) is { MayCreate: true } change && change.Touches(table);

    /// <summary>A cheap filter: only these kinds of operation can hide a change.</summary>
    public static bool MayChange(MigrationOperation operation) =>
        operation.Kind is MigrationOperationKind.Unknown or MigrationOperationKind.Sql || operation.HasUnknownArguments;

    public static UnseenChange Of(MigrationOperation operation)
    {
        switch (operation.Kind)
        {
            case MigrationOperationKind.Unknown:
                return FromUnknown(operation.Syntax);
            case MigrationOperationKind.Sql:
                return FromSql(operation);
        }

        if (!operation.HasUnknownArguments)
        {
            return Nothing;
        }

        var table = operation.Table;
        var creates = operation.Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.RenameTable;
        if (table is null || !operation["schema"].IsKnown || (operation.Kind == MigrationOperationKind.RenameTable && operation.NewName is null))
        {
            // A loop over table names, a name from configuration: any table.
            return creates ? AnyTableCreated : AnyTableChanged;
        }

        // The table is known, something else is not (a column name, an unreadable CreateTable body).
        var tables = operation.Kind == MigrationOperationKind.RenameTable ? ImmutableArray.Create(table, operation.NewName!) : ImmutableArray.Create(table);
        return new UnseenChange(anyTable: false, tables, creates);
    }

    /// <summary>
    /// An operation the model could not read at all: the string literals it passes name what it
    /// touches (<c>CreateTable(name: "Shapes", …)</c> with a column type that did not bind, a
    /// helper given a table name). Without any string literal it may touch any table.
    /// </summary>
    private static UnseenChange FromUnknown(SyntaxNode syntax)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var token in syntax.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            {
                AddWords(names, token.ValueText);
            }
        }

        return names.Count == 0 ? AnyTableCreated : new UnseenChange(anyTable: false, names.ToImmutable(), mayCreate: true);
    }

    /// <summary>
    /// A <c>Sql</c>: unknown text may do anything; known text counts through its DDL on tables
    /// (<c>CREATE TABLE</c>, <c>ALTER TABLE … RENAME TO</c>, <c>sp_rename</c>, <c>CREATE INDEX … ON</c>,
    /// <c>SELECT … INTO</c>) and dynamic SQL run through <c>EXEC</c>. Data statements change no schema.
    /// </summary>
    private static UnseenChange FromSql(MigrationOperation operation)
    {
        if ((operation.SqlText ?? operation.SqlTemplate) is not { } text)
        {
            return AnyTableCreated;
        }

        if (!MentionsAny(text, SchemaWords) || SqlScript.For(operation) is not { } script)
        {
            // Plain data statements: not worth tokenizing (the history folds every Sql of every migration).
            return Nothing;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var mayCreate = false;
        foreach (var statement in script.AllStatements)
        {
            var tokens = statement.Tokens;
            switch (statement.Kind)
            {
                case SqlStatementKind.Ddl when statement.Keyword != "COMMENT" &&
                    statement.ObjectKind is SqlObjectKind.Table or SqlObjectKind.Index or SqlObjectKind.Constraint or SqlObjectKind.Column:
                    // The table acted on, the index's table (ON t), a rename's new name (RENAME TO t).
                    var renamesTable = RenamesTable(tokens);
                    var named = statement.Targets.AddRange(NamesAfter(tokens, "ON"));
                    named = renamesTable ? named.AddRange(NamesAfter(tokens, "TO")) : named;
                    foreach (var name in named)
                    {
                        if (name.Name is null)
                        {
                            return AnyTableCreated;
                        }

                        names.Add(name.Name);
                    }

                    mayCreate |= (statement.Keyword == "CREATE" && statement.ObjectKind == SqlObjectKind.Table) || renamesTable;
                    break;
                case SqlStatementKind.Ddl when statement.ObjectKind == SqlObjectKind.Other:
                    // sp_rename 'dbo.Orders_New', 'Orders'; MySQL's RENAME TABLE a TO b.
                    foreach (var token in tokens)
                    {
                        if (token.Kind == SqlTokenKind.Placeholder)
                        {
                            return AnyTableCreated;
                        }

                        if (token.IsIdentifierLike || token.Kind == SqlTokenKind.String)
                        {
                            AddWords(names, token.Value);
                        }
                    }

                    mayCreate = true;
                    break;
                case SqlStatementKind.Select when IntoTarget(tokens) is { } into:
                    if (into.Name is null)
                    {
                        return AnyTableCreated;
                    }

                    names.Add(into.Name);
                    mayCreate = true;
                    break;
                case SqlStatementKind.Other when statement.Keyword is "EXEC" or "EXECUTE":
                    // Dynamic SQL (sp_executesql N'CREATE TABLE …'): what its strings name.
                    foreach (var token in tokens)
                    {
                        if (token.Kind == SqlTokenKind.String)
                        {
                            AddWords(names, token.Value);
                            mayCreate = true;
                        }
                    }

                    break;
            }
        }

        return names.Count == 0 ? Nothing : new UnseenChange(anyTable: false, names.ToImmutable(), mayCreate);
    }

    private static ImmutableArray<SqlName> NamesAfter(ImmutableArray<SqlToken> tokens, string keyword)
    {
        var names = ImmutableArray.CreateBuilder<SqlName>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Is(keyword) && SqlStatementReader.ReadName(tokens, i + 1, out _) is { } name)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    /// <summary><c>ALTER TABLE a RENAME TO b</c> (not <c>RENAME [COLUMN] x TO y</c>).</summary>
    private static bool RenamesTable(ImmutableArray<SqlToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i].Is("RENAME") && tokens[i + 1].Is("TO"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] SchemaWords = { "TABLE", "INDEX", "RENAME", "EXEC", "INTO", "CONSTRAINT", "COLUMN" };

    private static bool MentionsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SQL Server's <c>SELECT … INTO t FROM …</c> creates <c>t</c>.</summary>
    private static SqlName? IntoTarget(ImmutableArray<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Is("INTO") && tokens[i].Depth == tokens[0].Depth)
            {
                return SqlStatementReader.ReadName(tokens, i + 1, out _);
            }
        }

        return null;
    }

    /// <summary>The identifier-like words of a text (<c>dbo.[Orders]</c> → dbo, Orders).</summary>
    private static void AddWords(ImmutableArray<string>.Builder names, string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$' or '#' or '@');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                names.Add(text.Substring(start, i - start));
                start = -1;
            }
        }
    }
}
