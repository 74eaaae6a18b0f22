#if NET10_0_OR_GREATER
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>
/// Oracle's MySql.EntityFrameworkCore takes EF's migration lock with <c>GET_LOCK(name, -1)</c>,
/// "wait forever" on MySQL, but MariaDB answers a negative timeout with NULL, and returns INT where
/// MySQL returns BIGINT; the provider then fails to cast either. A finite wait, widened to BIGINT (MariaDB's CAST
/// AS SIGNED keeps INT for short values), works on both; the verifier's own step limit still applies.
/// This is the kind of provider quirk a user of the provider-neutral core fixes in their own
/// configure callback, with EF's ordinary interceptors.
/// </summary>
public sealed class MariaDbLockInterceptor : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        result.CommandText = result.CommandText
            .Replace("GET_LOCK('__EFMigrationsLock',-1)", "(GET_LOCK('__EFMigrationsLock',3600) + 0 * 9223372036854775807)")
            .Replace("RELEASE_LOCK('__EFMigrationsLock')", "(RELEASE_LOCK('__EFMigrationsLock') + 0 * 9223372036854775807)");
        return result;
    }
}
#endif
