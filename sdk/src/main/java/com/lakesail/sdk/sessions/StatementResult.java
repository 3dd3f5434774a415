package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.jobs.Row;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A succeeded statement's result: its schema, and its rows read lazily page by page (following
 * {@code nextToken}) as the iteration reaches them. Every iteration starts again from the first row;
 * the page the statement was read with is not fetched again.
 *
 * <pre>{@code
 * StatementResult result = session.sql("SELECT region, count(*) AS n FROM lake.sales GROUP BY region").waitForResult();
 * for (Row row : result) {
 *     System.out.println(row.getString("region") + " " + row.getLong("n"));
 * }
 * }</pre>
 */
public final class StatementResult implements Iterable<Row> {
    private final Statement statement;
    private final Function<String, Statement.Result> fetch;

    /**
     * @param statement a succeeded statement, as read
     * @param fetch reads the result page after a token (null for the first)
     */
    public StatementResult(Statement statement, Function<String, Statement.Result> fetch) {
        this.statement = Objects.requireNonNull(statement, "statement");
        if (statement.result() == null) {
            throw new IllegalArgumentException("statement " + statement.id() + " has no result: " + statement.status());
        }
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /** The statement as read when it had ended. */
    public Statement statement() {
        return statement;
    }

    public List<ResultPreview.Column> columns() {
        return statement.result().columns();
    }

    /** The rows the result holds: all the statement returned unless {@link #truncated()}. */
    public long rowCount() {
        return statement.result().rowCount();
    }

    /** The statement returned more rows than the service keeps; the iteration ends at the kept ones. */
    public boolean truncated() {
        return statement.result().truncated();
    }

    @Override
    public Iterator<Row> iterator() {
        return new Rows();
    }

    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Every row in a list: reads all pages now. */
    public List<Row> toList() {
        return stream().toList();
    }

    private final class Rows implements Iterator<Row> {
        private Iterator<List<Object>> current = Collections.emptyIterator();
        private String token;
        private boolean started;

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && (!started || token != null)) {
                Statement.Result page = !started && isFirstPage(statement.result()) ? statement.result() : fetch.apply(token);
                started = true;
                token = page.nextToken();
                current = page.cells().iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return Row.of(columns(), current.next());
        }

        private static boolean isFirstPage(Statement.Result page) {
            return page.firstRow() != null && page.firstRow() == 0;
        }
    }
}
