package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "catalogs", description = "Catalogs: where tables live (Iceberg or Delta locations, Glue, a Hive metastore, or managed).")
public final class CatalogsCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("kind"),
            Column.of("status"), Column.of("LOCATION", "config.location"));

    CatalogsCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Register a catalog; bring-your-own ones are active at once, managed ones are provisioned.")
    int create(@Option(names = "--name", required = true) String name,
            @Option(names = "--kind", required = true, description = "iceberg, delta, glue, hive_metastore or managed") String kind,
            @Option(names = "--location", description = "iceberg, delta: the table location, e.g. s3://bucket/warehouse") String location,
            @Option(names = "--glue-catalog-id", paramLabel = "ID", description = "glue: the Glue catalog id") String glueCatalogId,
            @Option(names = "--region", description = "glue, managed: the region") String region,
            @Option(names = "--uri", description = "hive_metastore: thrift://host:9083") String uri,
            @Option(names = "--account", paramLabel = "ACCOUNT_ID", description = "The cloud account it lives in.") String accountId,
            @Mixin WaitOptions wait) {
        CatalogKind catalogKind = choice(CatalogKind.class, kind, "--kind");
        CatalogConfig config = CatalogConfig.builder().location(location).catalogId(glueCatalogId).region(region).uri(uri).build();
        return activeOrCreated("catalog " + name, lakesail().catalogs().create(r -> r.name(name).kind(catalogKind).config(config)
                .cloudAccountId(accountId)), wait);
    }

    @Command(name = "get", description = "Show a catalog.")
    void get(@Parameters(paramLabel = "CATALOG_ID") String id) {
        out().model(lakesail().catalogs().get(id));
    }

    @Command(name = "list", description = "List the catalogs.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().catalogs().list(r -> r.limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "delete", description = "Remove a catalog (a managed one is destroyed).")
    int delete(@Parameters(paramLabel = "CATALOG_ID") String id, @Mixin WaitOptions wait) {
        return destroyed("catalog " + id, lakesail().catalogs().delete(id), wait);
    }
}
