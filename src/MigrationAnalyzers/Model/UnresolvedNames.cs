using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Says, without binding the statement, that an argument's value is unknown because a name in it
/// resolves nowhere (<c>(int)OrderStatus.Active</c> while the enum's file is being edited or is
/// excluded). Binding such a statement is the costliest binding there is (the compiler's error
/// recovery, and the whole method body is bound for one argument), and all it can tell is
/// "unknown". A name not declared inside the method means at the method's start what it means
/// where it stands, so it is looked up there alone (a speculative bind of one identifier).
/// <para>
/// Only for values whose top is not an array, collection, object creation, <c>typeof</c> or lambda:
/// for those the bound reading keeps what it can of the elements; for any other shape, an operand
/// that does not bind leaves no constant and no static member, so the bound reading is "unknown" too.
/// </para>
/// </summary>
internal sealed class UnresolvedNames
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxNode, HashSet<string>> _declared = new();
    private readonly HashSet<string> _found = new();

    public UnresolvedNames(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The names found to resolve nowhere: what the read depends on besides its tokens. It stays
    /// valid in a compilation whose source declares none of them (<see cref="MethodReadCache"/>).
    /// </summary>
    public IEnumerable<string> Found => _found;

    /// <summary>A call whose target starts with a name that resolves nowhere (<c>SeedData.Insert(…)</c>): binding finds no method.</summary>
    public bool IsUnresolvedCall(InvocationExpressionSyntax invocation)
    {
        var root = invocation.Expression;
        while (root is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
        {
            root = access.Expression;
        }

        return root is IdentifierNameSyntax name && invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member &&
            IsLookedUp(name) && IsUnresolved(name, member);
    }

    /// <summary>The syntax the bound reading's "unknown" would carry, when a name settles it; null when binding must decide.</summary>
    public SyntaxNode? Settles(ExpressionSyntax expression)
    {
        // (The reader defers an argument without its outer parentheses, which have no operation of their own.)
        var top = Unwrapped(expression);
        if (expression is ParenthesizedExpressionSyntax || top is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or
            ImplicitArrayCreationExpressionSyntax or InitializerExpressionSyntax or CollectionExpressionSyntax or TypeOfExpressionSyntax or
            AnonymousFunctionExpressionSyntax or QueryExpressionSyntax ||
            expression.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
        {
            return null;
        }

        foreach (var node in top.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or QueryExpressionSyntax)))
        {
            if (node is IdentifierNameSyntax name && IsLookedUp(name) && IsUnresolved(name, member))
            {
                return top;
            }
        }

        return null;
    }

    /// <summary>Not declared in the member, and looked up alone at its start, bound to nothing.</summary>
    private bool IsUnresolved(IdentifierNameSyntax name, MemberDeclarationSyntax member)
    {
        if (Declared(member).Contains(name.Identifier.ValueText) ||
            _model.GetSpeculativeSymbolInfo(member.SpanStart, name, SpeculativeBindingOption.BindAsExpression) is not
                { Symbol: null, CandidateSymbols.IsEmpty: true, CandidateReason: CandidateReason.None })
        {
            return false;
        }

        lock (_found)
        {
            _found.Add(name.Identifier.ValueText);
        }

        return true;
    }

    /// <summary>What the bound reading looks through: parentheses, casts (conversions), <c>!</c>.</summary>
    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax parenthesized => Unwrapped(parenthesized.Expression),
        CastExpressionSyntax cast => Unwrapped(cast.Expression),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed => Unwrapped(suppressed.Operand),
        _ => expression,
    };

    /// <summary>
    /// A name the compiler looks up in scope as a value: not a member after a dot, an argument or
    /// member label, an alias, <c>nameof</c>, nor a type (<c>x as T</c>, <c>default(T)</c>, a cast's
    /// type: a value converted to a type that does not bind may still be a known constant).
    /// </summary>
    private static bool IsLookedUp(IdentifierNameSyntax name) =>
        name.Identifier.ValueText is not ("nameof" or "_" or "var" or "dynamic") &&
        !SyntaxFacts.IsInTypeOnlyContext(name) &&
        name.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == name,
            QualifiedNameSyntax qualified => qualified.Left == name,
            MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or AliasQualifiedNameSyntax => false,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Right == name,
            _ => true,
        };

    /// <summary>Every name declared inside the member (parameters, locals, pattern and loop variables, lambda parameters, local functions).</summary>
    private HashSet<string> Declared(MemberDeclarationSyntax member)
    {
        // Deferred values are read by whichever analysis asks first, on any thread.
        lock (_declared)
        {
            return _declared.TryGetValue(member, out var known) ? known : _declared[member] = DeclaredIn(member);
        }
    }

    private HashSet<string> DeclaredIn(MemberDeclarationSyntax member)
    {
        var names = new HashSet<string>();
        foreach (var node in member.DescendantNodes())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var identifier = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax caught => caught.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                TypeParameterSyntax typeParameter => typeParameter.Identifier,
                _ => default(SyntaxToken?),
            };
            if (identifier is { } token)
            {
                names.Add(token.ValueText);
            }
            else if (node is FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or QueryContinuationSyntax or JoinIntoClauseSyntax)
            {
                // Range variables: their names are the clause's identifier tokens.
                foreach (var child in node.ChildTokens())
                {
                    if (child.IsKind(SyntaxKind.IdentifierToken))
                    {
                        names.Add(child.ValueText);
                    }
                }
            }
        }

        return names;
    }
}
