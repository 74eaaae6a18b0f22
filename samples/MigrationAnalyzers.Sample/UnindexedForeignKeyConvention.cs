using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace MigrationAnalyzers.Sample;

/// <summary>
/// EF Core's <see cref="ForeignKeyIndexConvention"/>, except that <c>Post.EditorId</c> gets no index.
/// This exists only so that the sample's model (and thus its migration) has a foreign key without an
/// index, the shape MIG060 reports. Real projects get the same shape by removing the convention or by
/// hand-editing the CreateIndex out of a migration.
/// </summary>
public sealed class UnindexedForeignKeyConvention : ForeignKeyIndexConvention
{
    public UnindexedForeignKeyConvention(ProviderConventionSetBuilderDependencies dependencies)
        : base(dependencies)
    {
    }

    protected override IConventionIndex? CreateIndex(
        IReadOnlyList<IConventionProperty> properties,
        bool unique,
        IConventionEntityTypeBuilder entityTypeBuilder)
    {
        if (entityTypeBuilder.Metadata.ClrType == typeof(Model.Post)
            && properties.Count == 1
            && properties[0].Name == nameof(Model.Post.EditorId))
        {
            return null;
        }

        return base.CreateIndex(properties, unique, entityTypeBuilder);
    }
}
