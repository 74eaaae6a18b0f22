using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG082: a migration named <c>Migration1</c>, <c>Update2</c>, <c>Changes</c>, <c>Fix</c>, a bare date…: a
/// name made only of vague words and numbers. The message proposes a name built from Up's operations in
/// the conventional forms (<c>Add{Table}Table</c>, <c>Add{Column}To{Table}</c>…). No code fix: an applied
/// migration's id is recorded in every database and must not change. <c>Initial</c>/<c>InitialCreate</c>
/// are EF's conventional first names and are descriptive enough.
/// </summary>
public sealed class NonDescriptiveNameRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.NonDescriptiveName,
        title: "Migration name does not describe its changes",
        messageFormat: "Migration name '{0}' does not say what the migration changes; if it is not applied anywhere yet, {1} (dotnet ef migrations remove, then add), otherwise keep it, since its id is recorded in applied databases, and name the next ones after their changes",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Info,
        description: "A history of Update2, Fix and Changes migrations cannot be read or reviewed. Name migrations after what they change: AddPostsTable, AddEmailToUsers, ModifyTitleInPosts, CreateIndexOnPostsBlogId, RemoveNotesFromPosts.");

    /// <summary>Words that say nothing about a change (lower case). A name made only of these and numbers is flagged.</summary>
    private static readonly HashSet<string> VagueWords = new(StringComparer.Ordinal)
    {
        "migration", "migrations", "mig", "update", "updates", "updated", "change", "changes", "changed", "test", "tests",
        "testing", "fix", "fixes", "fixed", "temp", "tmp", "wip", "new", "misc", "stuff", "patch", "latest", "final",
        "my", "db", "database", "model", "schema", "edit", "edits", "modification", "modifications", "sync", "v",
        "version", "foo", "bar", "baz", "asdf", "todo", "something", "another", "more", "minor", "small", "some",
        "other", "various", "again", "column", "columns", "table", "tables", "field", "fields", "data", "entity",
        "entities", "migrate", "next", "try", "attempt",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var migration = context.Migration;
        string? vague = IsVague(migration.Name) ? migration.Name : null;
        if (vague is null && migration.Id is { } id && id.IndexOf('_') is var underscore and >= 0)
        {
            var idName = id.Substring(underscore + 1);
            vague = IsVague(idName) ? idName : null;
        }

        if (vague is null)
        {
            return;
        }

        var proposal = ProposeName(context);
        context.Report(
            Rule,
            migration.IdentifierLocation,
            vague,
            proposal is null ? "re-create it with a name that describes its operations" : $"re-create it as '{proposal}'");
    }

    /// <summary>Only vague words and numbers (a bare number or date has no word at all).</summary>
    internal static bool IsVague(string name)
    {
        foreach (var word in Words(name))
        {
            if (!char.IsDigit(word[0]) && word.Length > 1 && !VagueWords.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower-case words: split at non-alphanumerics, lower→upper and letter↔digit boundaries.</summary>
    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0)
            {
                var previous = name[i - 1];
                var boundary = (char.IsUpper(c) && char.IsLower(previous)) ||
                    (char.IsDigit(c) != char.IsDigit(previous)) ||
                    (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (boundary)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }

            word.Append(char.ToLowerInvariant(c));
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>A name from Up's operations: one phrase, the two first joined with And, or Update{Table}Schema.</summary>
    private static string? ProposeName(MigrationRuleContext context)
    {
        var phrases = new List<(string Phrase, string Table, MigrationOperationKind Kind, string? Column)>();
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (Pascal(operation.Table) is not { } table || operation.HasUnknownArguments)
            {
                continue;
            }

            var name = Pascal(operation.Name);
            string? phrase = operation.Kind switch
            {
                MigrationOperationKind.CreateTable => $"Add{table}Table",
                MigrationOperationKind.DropTable => $"Remove{table}Table",
                MigrationOperationKind.RenameTable when Pascal(operation.NewName) is { } newTable => $"Rename{table}To{newTable}",
                MigrationOperationKind.AddColumn when name is not null => $"Add{name}To{table}",
                MigrationOperationKind.AlterColumn when name is not null => $"Modify{name}In{table}",
                MigrationOperationKind.DropColumn when name is not null => $"Remove{name}From{table}",
                MigrationOperationKind.RenameColumn when name is not null && Pascal(operation.NewName) is { } newColumn => $"Rename{name}To{newColumn}In{table}",
                // An index on a table this Up creates belongs to "Add{Table}Table".
                MigrationOperationKind.CreateIndex when context.IsExistingTable(operation.Schema, operation.Table!, i) =>
                    $"CreateIndexOn{table}{Pascal(string.Concat(operation.Columns.IsDefault ? ImmutableArray<string>.Empty : operation.Columns))}",
                _ => null,
            };
            if (phrase is not null)
            {
                phrases.Add((phrase, table, operation.Kind, name));
            }
        }

        if (phrases.Count == 0)
        {
            return null;
        }

        if (phrases.Count == 1)
        {
            return phrases[0].Phrase;
        }

        var oneTable = phrases.TrueForAll(p => p.Table == phrases[0].Table);
        if (oneTable && phrases.Count == 2 && phrases.TrueForAll(p => p.Kind == MigrationOperationKind.AddColumn))
        {
            return $"Add{phrases[0].Column}And{phrases[1].Column}To{phrases[0].Table}";
        }

        return oneTable ? $"Update{phrases[0].Table}Schema" : phrases[0].Phrase + "And" + phrases[1].Phrase;
    }

    /// <summary><c>blog_posts</c> → <c>BlogPosts</c>; null when nothing identifier-like is left.</summary>
    private static string? Pascal(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in name!)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
