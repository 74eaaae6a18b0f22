using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG085: a password written into migration code: a <c>Sql</c> whose statement carries one
/// (<c>CREATE LOGIN … PASSWORD = '…'</c>, <c>CREATE/ALTER USER|ROLE … PASSWORD '…'</c>, <c>IDENTIFIED BY '…'</c>,
/// <c>OPTIONS (password '…')</c>), or a string literal of the migration class that is a connection string with
/// a password. The migration is committed and compiled into the shipped assembly, so the secret is both
/// in the repository's history and in every deployed copy. The message names where, never the secret.
/// </summary>
public sealed class SecretInMigrationRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.SecretInMigration,
        title: "Secret written into a migration",
        messageFormat: "{0} holds a password literally: it is in the repository's history and in every shipped copy of the assembly; pass it in at deploy time (configuration, a secret store) and rotate the one committed",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "Migrations are source files compiled into the application. A password in CREATE LOGIN/USER/ROLE, ALTER … PASSWORD, IDENTIFIED BY or in a connection string is readable by anyone with the repository or the assembly. The diagnostic never repeats the secret.");

    /// <summary><c>Password=…</c> / <c>Pwd=…</c> with a value, in a string that also names a server or a user.</summary>
    private static readonly Regex ConnectionPassword = new(@"(^|;)\s*(password|pwd)\s*=\s*[^;\s{]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ConnectionTarget = new(@"(^|;)\s*(server|host|data source|datasource|address|user id|userid|uid|username|user)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var reported = new List<TextSpan>();
        foreach (var operation in context.Migration.Up.Operations.AddRange(context.Migration.Down.Operations))
        {
            if (operation.Kind != MigrationOperationKind.Sql || SqlScript.For(operation) is not { } script)
            {
                continue;
            }

            foreach (var statement in script.AllStatements)
            {
                if (Secret(statement, template: operation.SqlText is null) is { } clause)
                {
                    context.Report(Rule, operation.Location, $"Sql ({statement.Keyword} {Object(statement)}… {clause})");
                    reported.Add(operation.Syntax.Span);
                    break;
                }
            }
        }

        if (context.Migration.IdentifierLocation is not { SourceTree: { } tree } location ||
            tree.GetRoot(context.CancellationToken).FindToken(location.SourceSpan.Start).Parent is not ClassDeclarationSyntax type)
        {
            return;
        }

        foreach (var token in type.DescendantTokens())
        {
            if (token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken &&
                token.ValueText.IndexOf('=') >= 0 && ConnectionPassword.IsMatch(token.ValueText) && ConnectionTarget.IsMatch(token.ValueText) &&
                !reported.Exists(span => span.Contains(token.Span)))
            {
                context.Report(Rule, token.GetLocation(), "This connection string");
            }
        }
    }

    /// <summary>The clause that holds a literal password (<c>PASSWORD</c>, <c>IDENTIFIED BY</c>); null when none.</summary>
    private static string? Secret(SqlStatement statement, bool template)
    {
        var tokens = statement.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            string? clause = null;
            var value = i + 1;
            if (tokens[i].Is("PASSWORD"))
            {
                clause = "PASSWORD";
                if (value < tokens.Length && tokens[value].Text == "=")
                {
                    value++;
                }
            }
            else if (tokens[i].Is("IDENTIFIED") && i + 1 < tokens.Length && tokens[i + 1].Is("BY"))
            {
                clause = "IDENTIFIED BY";
                value = i + 2;
                if (value < tokens.Length && tokens[value].Is("PASSWORD"))
                {
                    value++;
                }
            }

            // A string that is only an interpolation hole comes from a variable, not the source.
            if (clause is not null && value < tokens.Length && tokens[value].Kind == SqlTokenKind.String && tokens[value].Value.Length > 0 &&
                !(template && tokens[value].Value.IndexOf('{') >= 0))
            {
                return clause;
            }
        }

        return null;
    }

    /// <summary>The word after the verb (<c>LOGIN</c>, <c>USER</c>, <c>ROLE</c>…), for the message.</summary>
    private static string Object(SqlStatement statement)
    {
        var tokens = statement.Tokens;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (string.Equals(tokens[i].Value, statement.Keyword, StringComparison.OrdinalIgnoreCase) && tokens[i + 1].Kind == SqlTokenKind.Word)
            {
                return tokens[i + 1].Value.ToUpperInvariant() + " ";
            }
        }

        return string.Empty;
    }
}
