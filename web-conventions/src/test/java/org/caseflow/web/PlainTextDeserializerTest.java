package org.caseflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No invisible or terminal-control characters reach a record, a log line or a notification; words in any language do. */
class PlainTextDeserializerTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule().addDeserializer(String.class, new PlainTextDeserializer()));

    record Report(String narrative) {
    }

    @Test
    void wordsTabsAndLineBreaksPass() throws Exception {
        assertThat(json.readValue("{\"narrative\": \"Fëmija lyp pranë portit.\\n\\tÇdo mëngjes.\"}", Report.class).narrative())
                .isEqualTo("Fëmija lyp pranë portit.\n\tÇdo mëngjes.");
    }

    @Test
    void controlCharactersAreRefusedWithTheField() {
        for (String control : new String[] {"\\u0000", "\\u001b[31m", "\\u007f", "\\u0085", "\\u009b"}) {
            assertThatThrownBy(() -> json.readValue("{\"narrative\": \"a" + control + "b\"}", Report.class)).as(control)
                    .isInstanceOf(InvalidFormatException.class).hasMessageContaining("control characters are not allowed")
                    .hasMessageContaining("narrative");
        }
    }
}
