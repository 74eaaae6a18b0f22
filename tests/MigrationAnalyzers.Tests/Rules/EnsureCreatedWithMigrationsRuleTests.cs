using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.EnsureCreatedWithMigrationsRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class EnsureCreatedWithMigrationsRuleTests
{
    private const string Migrations = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        public class ShopContext : DbContext
        {
        }

        public class CacheContext : DbContext
        {
            public CacheContext() => Database.EnsureCreated();
        }

        [DbContext(typeof(ShopContext))]
        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema(name: "shop");

            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema(name: "shop");
        }

        [DbContext(typeof(ShopContext))]
        [Migration("20240201000000_Orders")]
        public class Orders : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema(name: "orders");

            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema(name: "orders");
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EnsureCreatedOnMigratedContext_Reports(EfVersion version)
    {
        const string startup = """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public static class Startup
            {
                public static async Task InitializeAsync(ShopContext shop, CacheContext cache, DbContext unknown)
                {
                    {|#0:shop.Database.EnsureCreated()|};
                    await {|#1:shop.Database.EnsureCreatedAsync()|};
                    cache.Database.EnsureCreated();
                    unknown.Database.EnsureCreated();
                    shop.Database.EnsureDeleted();
                    shop.Database.Migrate();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { Migrations, startup }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG086").WithLocation("/0/Migration1.cs", 8, 9).WithArguments("Database.EnsureCreated()", "ShopContext", 2, "s"),
            VerifyCS.Diagnostic("MIG086").WithLocation("/0/Migration1.cs", 9, 15).WithArguments("Database.EnsureCreatedAsync()", "ShopContext", 2, "s"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EnsureCreatedInConstructorOfMigratedContext_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class BlogContext : DbContext
            {
                public BlogContext(DbContextOptions<BlogContext> options)
                    : base(options)
                {
                    {|#0:Database.EnsureCreated()|};
                }
            }

            [DbContext(typeof(BlogContext))]
            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema(name: "blog");

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema(name: "blog");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG086").WithLocation(0).WithArguments("Database.EnsureCreated()", "BlogContext", 1, string.Empty));
    }

    [Fact]
    public async Task ContextWithoutMigrations_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;

            public class TestContext : DbContext
            {
            }

            public static class Fixture
            {
                public static void Create(TestContext context) => context.Database.EnsureCreated();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null);
    }
}
