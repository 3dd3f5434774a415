package com.lakesail.backend.port;

import java.util.Objects;

/** One write of a {@link Store#transact transaction}. */
public sealed interface Write {

    static Write put(Item item, Condition condition) {
        return new Put(item, condition);
    }

    static Write delete(Key key, Condition condition) {
        return new Delete(key, condition);
    }

    /** Writes nothing, but the transaction fails unless the condition holds. */
    static Write check(Key key, Condition condition) {
        return new Check(key, condition);
    }

    Key key();

    Condition condition();

    record Put(Item item, Condition condition) implements Write {
        public Put {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public Key key() {
            return item.key();
        }
    }

    record Delete(Key key, Condition condition) implements Write {
        public Delete {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(condition, "condition");
        }
    }

    record Check(Key key, Condition condition) implements Write {
        public Check {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(condition, "condition");
        }
    }
}
