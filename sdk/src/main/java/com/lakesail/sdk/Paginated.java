package com.lakesail.sdk;

import com.lakesail.sdk.exception.SdkClientException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily fetched list. Nothing is requested until iteration starts; each further page is
 * requested only when the items before it have been consumed; iteration stops after a page
 * without a next token. Every call to {@link #iterator()}, {@link #stream()} or {@link #pages()}
 * starts again from the first page.
 *
 * <pre>{@code
 * for (ApiToken token : lakesail.tokens().list()) {
 *     System.out.println(token.name());
 * }
 * List<String> names = lakesail.organizations().list().stream().map(Organization::name).toList();
 * for (Page<ApiToken> page : lakesail.tokens().list(r -> r.limit(50)).pages()) { ... }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Paginated<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetchPage;

    private Paginated(Function<String, Page<T>> fetchPage) {
        this.fetchPage = Objects.requireNonNull(fetchPage, "fetchPage");
    }

    /**
     * A list whose pages come from {@code fetchPage}, called with null for the first page and
     * then with each page's next token. Also the way to fake a list in a test:
     * {@code Paginated.of(token -> new Page<>(List.of(a, b), null))}.
     */
    public static <T> Paginated<T> of(Function<String, Page<T>> fetchPage) {
        return new Paginated<>(fetchPage);
    }

    /** The pages themselves, fetched one by one as they are iterated. */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    /** The items as a sequential stream; short-circuiting operations fetch only the pages they need. */
    public Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private Page<T> fetched;
        private String token;
        private boolean lastFetched;

        @Override
        public boolean hasNext() {
            if (fetched == null && !lastFetched) {
                fetched = Objects.requireNonNull(fetchPage.apply(token), "fetchPage returned null");
                lastFetched = !fetched.hasNextPage();
                if (!lastFetched && fetched.nextToken().equals(token)) {
                    // A server that hands back the token it was given would make us loop forever.
                    throw new SdkClientException("the service returned the same page token twice: " + token);
                }
                token = fetched.nextToken();
            }
            return fetched != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page<T> page = fetched;
            fetched = null;
            return page;
        }
    }

    private final class ItemIterator implements Iterator<T> {
        private final PageIterator pages = new PageIterator();
        private Iterator<T> items = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            // Loops because a page may be empty yet not the last one.
            while (!items.hasNext() && pages.hasNext()) {
                items = pages.next().items().iterator();
            }
            return items.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
