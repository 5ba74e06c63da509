namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Linq;
using ExecPlan.Validation.Rules.Support;

/// <summary>Unit tests of the command-line reading shared by EXP040 and EXP043, and of the
/// expected-outcome phrasings EXP043 accepts.</summary>
public class CommandAndOutcomeTests
{
    [Theory]
    [InlineData("uv run pytest -q")]
    [InlineData("    make check")]
    [InlineData("rg -n \"Tenant\" src")]
    [InlineData("dotnet test tests/Orders.Api.Tests")]
    [InlineData("cargo test --workspace")]
    [InlineData("npm run build")]
    [InlineData("$ anything at a prompt")]
    [InlineData("./scripts/seed.sh tenanta")]
    [InlineData("tools/check.py --all")]
    [InlineData("python -m orders.api")]
    [InlineData("go test ./...")]
    [InlineData("FOO=1 BAR_2=x cargo test")]
    public void Command_lines_are_recognised(string line)
    {
        Assert.True(CommandLines.StartsWithCommand(line));
    }

    [Theory]
    [InlineData("Make sure the server runs.")]
    [InlineData("Then compile everything and run the suite.")]
    [InlineData("The cargo tests pass.")]
    [InlineData("cargo, npm and pip are all needed")]
    [InlineData("./")]
    [InlineData("$")]
    [InlineData("")]
    [InlineData("Foo=1 is a setting")]
    public void Prose_lines_are_not_commands(string line)
    {
        Assert.False(CommandLines.StartsWithCommand(line));
    }

    [Theory]
    [InlineData("Run `make test`; it should pass.")]
    [InlineData("Run `make test`; the process exits 0.")]
    [InlineData("Request `/health`; it returns 200.")]
    [InlineData("Run `tool --version`; it prints the version.")]
    [InlineData("Run `make ci` and everything is all green.")]
    [InlineData("Run `make lint`: no errors.")]
    [InlineData("Run `make deploy`; the deploy succeeds.")]
    [InlineData("Run `make demo` and observe the new banner.")]
    [InlineData("Run `make test` and expect 42 passed.")]
    [InlineData("运行 `make test`，全部测试通过。")]
    [InlineData("`make test` を実行し、すべてのテストが成功することを確認する。")]
    [InlineData("`make test`를 실행하고 모든 테스트가 통과하는지 확인한다.")]
    public void Expected_outcome_phrasings_are_accepted(string validation)
    {
        Assert.Empty(Validate.Summary(Validate.Text(Plan(validation)), "EXP043"));
    }

    [Theory]
    [InlineData("Run `make test`.")]
    [InlineData("- `cargo test -p orders`\n- `cargo fmt --all`")]
    public void Missing_outcome_is_reported(string validation)
    {
        var found = Validate.Summary(Validate.Text(Plan(validation)), "EXP043");
        Assert.Equal("EXP043 11:4", Assert.Single(found));
    }

    [Fact]
    public void Japanese_words_outnumber_english_identifiers()
    {
        Assert.True(TextScan.IsMostlyForeignWords("repository の find_all() に安全な件数上限を追加し、PR として出す。"));
        Assert.False(TextScan.IsMostlyForeignWords("Run the tests and check the 件数 column."));
        Assert.False(TextScan.IsMostlyForeignWords("`全部 代码 里 的 名字`"));
    }

    private static string Plan(string validation) =>
        "# Plan\n\n## Concrete Steps\n\n    make build\n\n## Plan of Work\n\nEdit.\n\n## Validation and Acceptance\n\n" + validation + "\n";
}
