package org.caseflow.cases.pages;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.caseflow.cases.CasesProperties;
import org.caseflow.cases.access.CaseAccess;
import org.caseflow.cases.casefile.CaseNotFound;
import org.caseflow.cases.casefile.CaseSearch;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.CaseSummary;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.InvalidSearch;
import org.caseflow.cases.casefile.RiskLevel;
import org.caseflow.cases.web.CaseSearchParameters;
import org.caseflow.identity.Caller;
import org.caseflow.identity.IdentityProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriTemplate;

/**
 * The pages a caseworker reads a case on: the list of the cases they may read, with its filters, and
 * the case file. Through the same guard as the REST API: a case the caller may not read is a 404 page,
 * and every view is in the audit log.
 */
@Controller
class CasePages {

    private final CaseAccess access;
    private final CasesProperties properties;
    private final IdentityProperties identities;
    private final Clock clock;
    private final UriTemplate taskUrl;

    CasePages(CaseAccess access, CasesProperties properties, IdentityProperties identities, Clock clock) {
        this.access = access;
        this.properties = properties;
        this.identities = identities;
        this.clock = clock;
        this.taskUrl = new UriTemplate(properties.pages().taskUrl());
    }

    /** The page's own address without its language, for the language switch. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return request.getServletPath();
    }

    @GetMapping("/")
    String home() {
        return "redirect:/cases";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/cases")
    String cases(CaseSearchParameters parameters, Caller caller, Model model) {
        CaseSearch search = parameters.toSearch(properties.pages().pageSize());
        CaseSummary.Page found = access.search(search, caller);
        model.addAttribute("search", search);
        model.addAttribute("found", found);
        model.addAttribute("zone", properties.timeZone());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("concerns", Concern.values());
        model.addAttribute("sorts", CaseSearch.Sort.values());
        model.addAttribute("agencies", identities.agencyIds().stream().sorted().toList());
        model.addAttribute("caller", caller);
        model.addAttribute("tasklist", properties.pages().tasklist());
        return "cases";
    }

    @GetMapping("/cases/{id}")
    String caseFile(@PathVariable UUID id, Caller caller, Model model) {
        model.addAttribute("file", CaseFilePage.of(access.read(id, caller, "case file page"), properties.timeZone(),
                clock.instant(), taskUrl));
        model.addAttribute("caller", caller);
        model.addAttribute("tasklist", properties.pages().tasklist());
        return "case";
    }

    /** A case the caller may not read looks exactly like one that does not exist. */
    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletRequest request) {
        model.addAttribute("tasklist", properties.pages().tasklist());
        model.addAttribute("here", here(request));
        return "not-found";
    }

    @ExceptionHandler(InvalidSearch.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidSearch(InvalidSearch e, Model model, HttpServletRequest request) {
        model.addAttribute("here", here(request));
        model.addAttribute("field", e.field());
        model.addAttribute("tasklist", properties.pages().tasklist());
        return "bad-request";
    }
}
