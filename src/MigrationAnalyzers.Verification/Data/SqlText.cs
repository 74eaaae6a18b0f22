using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// The SQL the data checks write, in the provider's own quoting (<see cref="ISqlGenerationHelper"/>).
/// Values travel as text. SQLite and PostgreSQL convert them in SQL (<c>CAST(@p AS store_type)</c>,
/// <c>CAST(column AS TEXT)</c>), which keeps PostgreSQL's own types (arrays, json, inet) exact and
/// refuses nothing PostgreSQL's strict parameter typing would. Every other provider gets plain
/// parameters and plain columns: MySQL, MariaDB and SQL Server convert text to the column's type
/// themselves, whereas their CAST accepts only a few target types; values read back are turned into
/// invariant text by <see cref="ValueText"/>.
/// </summary>
internal sealed class SqlText
{
    private static readonly HashSet<string> CastingProviders = new(StringComparer.Ordinal)
    {
        "Microsoft.EntityFrameworkCore.Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL",
    };

    private readonly ISqlGenerationHelper _helper;
    private readonly bool _casts;

    private SqlText(ISqlGenerationHelper helper, bool casts)
    {
        _helper = helper;
        _casts = casts;
    }

    public static SqlText For(DbContext context)
        => new(context.GetService<ISqlGenerationHelper>(), CastingProviders.Contains(context.GetService<IDatabaseProvider>().Name));

    public string Identifier(string name, string? schema = null) => _helper.DelimitIdentifier(name, schema);

    public string ParameterName(string name) => _helper.GenerateParameterName(name);

    /// <summary>A column in a SELECT list, read as text where the provider converts in SQL.</summary>
    public string ColumnAsText(string column) => _casts ? $"CAST({_helper.DelimitIdentifier(column)} AS TEXT)" : _helper.DelimitIdentifier(column);

    /// <summary>A parameter holding text, as a value of the column's store type.</summary>
    public string Value(string parameter, string? storeType)
    {
        var placeholder = _helper.GenerateParameterNamePlaceholder(parameter);
        return _casts && storeType is not null ? $"CAST({placeholder} AS {storeType})" : placeholder;
    }

    /// <summary>Runs a SELECT and returns its rows, every value as invariant text.</summary>
    public static async Task<List<string?[]>> ReadRowsAsync(DbConnection connection, string select, int columns, CancellationToken cancellationToken)
    {
        var rows = new List<string?[]>();
        await using var command = connection.CreateCommand();
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new string?[columns];
            for (var i = 0; i < columns; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : ValueText.Of(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return rows;
    }
}
