package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.jobs.Row;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A succeeded statement's rows, in order, typed by column name or position. Pages are read lazily
 * as iteration reaches them, each time it starts from the first page (which came with the statement).
 *
 * <pre>{@code
 * ResultRows rows = session.sql("SELECT id, label FROM range(100000)");
 * System.out.println(rows.columns() + ", " + rows.rowCount() + " rows");
 * long sum = rows.stream().mapToLong(r -> r.getLong("id")).sum();
 * }</pre>
 */
public final class ResultRows implements Iterable<Row> {
    private final Statement statement;
    private final Function<String, Statement.Result> pages;

    /**
     * The rows of {@code statement}, which holds the first page; {@code pages} reads the page a
     * token names. Also the way to fake a result in a test.
     */
    public ResultRows(Statement statement, Function<String, Statement.Result> pages) {
        if (statement.result() == null) {
            throw new IllegalArgumentException("statement " + statement.id() + " has no result: it is "
                    + statement.status().value());
        }
        this.statement = statement;
        this.pages = pages;
    }

    public Statement statement() {
        return statement;
    }

    public List<ResultPreview.Column> columns() {
        return statement.result().columns();
    }

    /** The rows stored: every row unless {@link #truncated()}. */
    public long rowCount() {
        return statement.result().rowCount();
    }

    /** The query returned more rows than the service stores; iteration gives the stored ones. */
    public boolean truncated() {
        return statement.result().truncated();
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Statement.Result page = statement.result();
            private Iterator<Row> rows = page.rows().iterator();

            @Override
            public boolean hasNext() {
                // Loops: a page may be empty (a result of no rows) while another follows.
                while (!rows.hasNext() && page.nextToken() != null) {
                    page = pages.apply(page.nextToken());
                    rows = page.rows().iterator();
                }
                return rows.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }
        };
    }

    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
