namespace ExecPlan.Validation.Tests.Rules;

using System;
using ExecPlan.Validation.Model;

/// <summary>Rules keep one array slot per section kind: every kind must have one.</summary>
public class SectionKindsTests
{
    [Fact]
    public void Every_section_kind_has_a_slot()
    {
        foreach (var kind in Enum.GetValues<SectionKind>())
        {
            Assert.InRange((int)kind, 0, SectionKinds.Count - 1);
        }

        Assert.Equal(SectionKinds.Count, Enum.GetValues<SectionKind>().Length);
    }
}
