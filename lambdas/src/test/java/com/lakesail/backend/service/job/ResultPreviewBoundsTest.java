package com.lakesail.backend.service.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.store.Items;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reported result preview as it is stored: within its bound, whatever the runner sent. */
class ResultPreviewBoundsTest {
    private static final List<ResultPreview.Column> ONE_COLUMN = List.of(new ResultPreview.Column("line", "string"));

    @Test
    void bounded_whenThePreviewFits_keepsItAsItIs() {
        ResultPreview small = new ResultPreview(ONE_COLUMN, List.of(List.of("a")), false);

        assertSame(small, JobRunCallbacks.bounded(small));
    }

    @Test
    void bounded_whenTheRowsDoNotFit_dropsRowsFromTheEndAndSaysSo() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(List.of(i + "x".repeat(10_000)));
        }

        ResultPreview kept = JobRunCallbacks.bounded(new ResultPreview(ONE_COLUMN, rows, false));

        assertTrue(kept.truncated());
        assertFalse(kept.rows().isEmpty());
        assertEquals(rows.subList(0, kept.rows().size()), kept.rows());
        assertTrue(bytes(kept) <= JobRunCallbacks.MAX_RESULT_BYTES);
    }

    @Test
    void bounded_whenTheColumnsAloneDoNotFit_refusesNamingThem() {
        // Otherwise the stored item would pass the store's 400 KB limit and the report fail with a 500.
        List<ResultPreview.Column> wide = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            wide.add(new ResultPreview.Column("column_" + i + "_" + "c".repeat(60), "string"));
        }
        List<Object> row = new ArrayList<>(wide.stream().map(c -> (Object) "v").toList());

        ValidationException e = assertThrows(ValidationException.class,
                () -> JobRunCallbacks.bounded(new ResultPreview(wide, List.of(row), false)));

        assertEquals(List.of("result.columns"), e.details().stream().map(FieldError::field).toList());
    }

    private static int bytes(ResultPreview preview) {
        return Items.encode(preview).getBytes(StandardCharsets.UTF_8).length;
    }
}
