using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification.Schema;

/// <summary>
/// Tables EF keeps for itself: the history table and, since EF 9, SQLite's migration lock.
/// They change with every step by design, so schema and data checks skip them.
/// </summary>
internal static class MigrationsBookkeeping
{
    public static HashSet<string> TableNames(DbContext context)
    {
        var options = context.GetService<IDbContextOptions>();
        string? historyTable = null;
        foreach (var extension in options.Extensions)
        {
            if (extension is RelationalOptionsExtension relational)
            {
                historyTable = relational.MigrationsHistoryTableName;
            }
        }

        return new HashSet<string>(StringComparer.Ordinal)
        {
            historyTable ?? HistoryRepository.DefaultTableName,
            MigrationLock.TableName,
        };
    }
}
