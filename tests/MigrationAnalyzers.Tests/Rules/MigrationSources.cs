namespace MigrationAnalyzers.Tests.Rules;

/// <summary>Test sources: a migration class around the given Up statements (empty Down).</summary>
internal static class MigrationSources
{
    public static string WithUp(string up) => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Change")]
        public class Change : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;
}
