using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// One diagnostic to fix with what the fix may read: what the analyzer put in the diagnostic's
/// <see cref="Diagnostic.Properties"/>, the migration's document and model, and the rules' context.
/// </summary>
internal sealed class FixTarget
{
    public FixTarget(Diagnostic diagnostic, MigrationDocument document, MigrationRuleContext context)
    {
        Diagnostic = diagnostic;
        Document = document;
        Context = context;
    }

    public Diagnostic Diagnostic { get; }

    public TextSpan Span => Diagnostic.Location.SourceSpan;

    public MigrationDocument Document { get; }

    public MigrationModel Migration => Document.Migration;

    public MigrationRuleContext Context { get; }

    /// <summary>A value the analyzer put in the diagnostic; null when it did not.</summary>
    public string? Property(string name) => Diagnostic.Properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>The Up (or Down) operation the diagnostic is on.</summary>
    public MigrationOperation? Operation(bool inDown = false) => Document.FindOperation(Span, inDown);
}
