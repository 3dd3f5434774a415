package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"a\", \"name\": \"b\"}                                  | name",
            "{\"subject\": {\"type\": \"team\", \"type\": \"member\"}}           | subject.type",
            "{\"managementNodes\": {\"min\": 1, \"min\": 2}, \"name\": \"x\"}     | managementNodes.min",
            "{\"items\": [{\"id\": 1}, {\"id\": 2, \"id\": 3}]}                  | items[1].id",
            "{\"a\": {\"b\": [[{\"c\": 1, \"c\": 1}]]}}                          | a.b[0][0].c"})
    void parseObject_whenAFieldIsDuplicated_namesItsPathNotAParsePosition(String body, String field) {
        ValidationException e = assertThrows(ValidationException.class, () -> Json.parseObject(body));

        assertEquals(List.of(new FieldError(field, "is given more than once")), e.details());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"name\": }", "{\"name\": \"a\"} trailing"})
    void parseObject_whenNotJson_namesTheBodyAndThePosition(String body) {
        ValidationException e = assertThrows(ValidationException.class, () -> Json.parseObject(body));

        assertEquals("body", e.details().get(0).field());
        assertEquals(true, e.details().get(0).message().startsWith("is not valid JSON (line 1, column "), e.details().toString());
    }
}
