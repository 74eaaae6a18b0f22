using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// What a fix needs to act on a diagnostic: the same migration model the analyzer read (from the
/// shared per-compilation catalog, not a re-parse), the options, and the operation at the span.
/// </summary>
internal sealed class MigrationDocument
{
    private MigrationDocument(Document document, SyntaxNode root, SemanticModel semanticModel, MigrationCatalog catalog, MigrationModel migration, MigrationAnalyzerOptions options)
    {
        Document = document;
        Root = root;
        SemanticModel = semanticModel;
        Catalog = catalog;
        Migration = migration;
        Options = options;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel SemanticModel { get; }

    public MigrationCatalog Catalog { get; }

    public MigrationModel Migration { get; }

    public MigrationAnalyzerOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>
    /// Loads the migration whose class contains the diagnostic; null when there is none. Only this
    /// migration's model is built (its Up/Down usually kept from the analyzer's read of the same
    /// syntax tree), and the options are read with the provider the diagnostic was reported for.
    /// </summary>
    public static async Task<MigrationDocument?> LoadAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;
        var reportedProvider = ReportedProvider.Read(diagnostic);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || MigrationCatalog.For(semanticModel.Compilation) is not { } catalog)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        foreach (var type in node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
        {
            if (semanticModel.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol && catalog.Find(symbol) is { } migration)
            {
                var provider = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
                var options = reportedProvider is { } reported
                    ? MigrationAnalyzerOptions.Read(provider, root.SyntaxTree, reported)
                    : MigrationAnalyzerOptions.Read(provider, root.SyntaxTree, semanticModel.Compilation);
                return new MigrationDocument(document, root, semanticModel, catalog, migration, options);
            }
        }

        return null;
    }

    /// <summary>The Up or Down operation whose invocation is at <paramref name="span"/>.</summary>
    public MigrationOperation? FindOperation(TextSpan span, bool inDown = false)
    {
        var operations = inDown ? Migration.Down.Operations : Migration.Up.Operations;
        return operations.FirstOrDefault(o => o.Syntax.Span == span || o.Syntax.Span.Contains(span.Start) && o.Syntax.SyntaxTree == Root.SyntaxTree && o.Syntax.SpanStart == span.Start);
    }
}
