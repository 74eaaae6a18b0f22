using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>Edits of a syntax tree as the IDE makes them: a new tree from the old one's text, the other files untouched.</summary>
public static class TreeEdits
{
    /// <summary>The tree with the first <paramref name="oldText"/> replaced (which must be there).</summary>
    public static SyntaxTree Replace(SyntaxTree tree, string oldText, string newText)
    {
        var text = tree.GetText();
        var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(start >= 0, oldText);
        return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(start, oldText.Length), newText)));
    }
}
