package org.caseflow.messaging;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the dead letters of this service, and their replay. */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The dead letters, newest first; replayed ones only with {@code ?all=true}. */
    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "false") boolean all) {
        return deadLetters.list(all, 500);
    }

    /** Sends the dead letter back to its original topic. */
    @PostMapping("/{id}/replay")
    DeadLetter replay(@PathVariable long id) {
        return deadLetters.replay(id);
    }

    @ExceptionHandler(DeadLetterNotFound.class)
    ProblemDetail notFound(DeadLetterNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
