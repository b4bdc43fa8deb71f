package org.caseflow.workflow.steps;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * For expressions in the models: {@code ${lists.of(technicalGroupAgencies)}} turns a form's
 * comma-separated answer into the collection a multi-instance task runs over.
 */
@Component("lists")
public class Lists {

    public List<String> of(Object values) {
        return split(values);
    }

    static List<String> split(Object values) {
        if (values == null) {
            return List.of();
        }
        if (values instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        }
        return Arrays.stream(values.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
