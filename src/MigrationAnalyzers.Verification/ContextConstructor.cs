using System;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification;

/// <summary>Builds a context through its <c>(DbContextOptions&lt;T&gt;)</c> or <c>(DbContextOptions)</c> constructor.</summary>
internal static class ContextConstructor
{
    public static Func<DbContextOptions<TContext>, TContext> Find<TContext>()
        where TContext : DbContext
    {
        var constructor = typeof(TContext).GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(c => c.GetParameters() is { Length: 1 } p
                && (p[0].ParameterType == typeof(DbContextOptions<TContext>) || p[0].ParameterType == typeof(DbContextOptions)))
            ?? throw new ArgumentException(
                $"{typeof(TContext).Name} has no public constructor taking DbContextOptions<{typeof(TContext).Name}>; pass a factory, e.g. options => new {typeof(TContext).Name}(options, ...).");
        return options => (TContext)constructor.Invoke(new object[] { options });
    }
}
