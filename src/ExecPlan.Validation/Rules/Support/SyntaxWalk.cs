namespace ExecPlan.Validation.Rules.Support;

using System.Collections.Generic;
using ExecPlan.Validation.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>Small, allocation-light walks over the Markdig tree that several rules share.</summary>
internal static class SyntaxWalk
{
    /// <summary>Every block below the given ones (depth-first, in document order), the given ones included.</summary>
    public static IEnumerable<Block> Blocks(IEnumerable<Block> roots)
    {
        var stack = new Stack<Block>();
        foreach (var root in Reverse(roots))
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var block = stack.Pop();
            yield return block;
            if (block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    stack.Push(container[i]);
                }
            }
        }
    }

    /// <summary>Every inline below a leaf block, in document order (parsed when first asked for,
    /// see <see cref="PlanDocument.InlineOf"/>).</summary>
    public static IEnumerable<Inline> Inlines(PlanDocument plan, LeafBlock block)
    {
        var root = plan.InlineOf(block);
        if (root is null)
        {
            yield break;
        }

        var stack = new Stack<Inline>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var inline = stack.Pop();
            yield return inline;
            if (inline is ContainerInline container)
            {
                // Pushed last child first, so they pop in document order; no list per container.
                for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static List<Block> Reverse(IEnumerable<Block> roots)
    {
        var list = new List<Block>(roots);
        list.Reverse();
        return list;
    }
}
