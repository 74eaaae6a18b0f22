using System;
using System.Threading;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.StepFailures;

/// <summary>The history's last migration, correct: reached only if the run goes on past the failure.</summary>
public abstract class AddTagsMigration : BlogMigration
{
    protected override BlogShape TargetShape => StepFailureShapes.Head;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.CreateTags(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.DropTags(migrationBuilder);
}

public abstract class StepFailureSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => StepFailureShapes.Head;
}

// --- Up throws in C# ---

[DbContext(typeof(UpThrowsContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class UpThrowsCreateBlogs : CreateBlogsMigration;

[DbContext(typeof(UpThrowsContext))]
[Migration("20240102000000_AddSummary")]
public sealed class UpThrowsAddSummary : AddSummaryMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => throw new InvalidOperationException("Up refuses: the summary backfill is not written yet");
}

[DbContext(typeof(UpThrowsContext))]
[Migration("20240103000000_AddTags")]
public sealed class UpThrowsAddTags : AddTagsMigration;

[DbContext(typeof(UpThrowsContext))]
public sealed class UpThrowsContextModelSnapshot : StepFailureSnapshot;

// --- Down throws in C# ---

[DbContext(typeof(DownThrowsContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class DownThrowsCreateBlogs : CreateBlogsMigration;

[DbContext(typeof(DownThrowsContext))]
[Migration("20240102000000_AddSummary")]
public sealed class DownThrowsAddSummary : AddSummaryMigration
{
    protected override void Down(MigrationBuilder migrationBuilder)
        => throw new NotSupportedException("this migration cannot be reverted: restore a backup");
}

[DbContext(typeof(DownThrowsContext))]
[Migration("20240103000000_AddTags")]
public sealed class DownThrowsAddTags : AddTagsMigration;

[DbContext(typeof(DownThrowsContext))]
public sealed class DownThrowsContextModelSnapshot : StepFailureSnapshot;

// --- Sql that leaves a transaction open ---

[DbContext(typeof(OpenTransactionContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class OpenTransactionCreateBlogs : CreateBlogsMigration;

[DbContext(typeof(OpenTransactionContext))]
[Migration("20240102000000_AddSummary")]
public sealed class OpenTransactionAddSummary : AddSummaryMigration
{
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("BEGIN;", suppressTransaction: true);
        base.Down(migrationBuilder);
    }
}

[DbContext(typeof(OpenTransactionContext))]
[Migration("20240103000000_AddTags")]
public sealed class OpenTransactionAddTags : AddTagsMigration;

[DbContext(typeof(OpenTransactionContext))]
public sealed class OpenTransactionContextModelSnapshot : StepFailureSnapshot;

// --- a Down that does not come back ---

[DbContext(typeof(HangingDownContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class HangingDownCreateBlogs : CreateBlogsMigration;

[DbContext(typeof(HangingDownContext))]
[Migration("20240102000000_AddSummary")]
public sealed class HangingDownAddSummary : AddSummaryMigration
{
    /// <summary>How long the Down blocks; the test's step limit is far shorter.</summary>
    public static readonly TimeSpan Block = TimeSpan.FromSeconds(90);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        Thread.Sleep(Block);
        base.Down(migrationBuilder);
    }
}

[DbContext(typeof(HangingDownContext))]
[Migration("20240103000000_AddTags")]
public sealed class HangingDownAddTags : AddTagsMigration;

[DbContext(typeof(HangingDownContext))]
public sealed class HangingDownContextModelSnapshot : StepFailureSnapshot;
