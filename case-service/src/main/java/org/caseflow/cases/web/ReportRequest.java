package org.caseflow.cases.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.ReportSource;

/** The body of POST /api/cases. Every rule here answers 400 naming the field, before anything is stored. */
record ReportRequest(
        @NotNull ReportSource source,
        @NotEmpty @Size(max = 9) List<@NotNull Concern> concerns,
        @NotNull Boolean immediateDanger,
        @NotEmpty(message = "a report names at least one child") @Size(max = 20) List<@NotNull @Valid ChildRequest> children,
        @NotNull @Valid LocationRequest location,
        @NotBlank @Size(max = 20_000) String narrative,
        @Valid ReporterRequest reporter) {

    record ChildRequest(
            @Size(max = 100) String firstName,
            @Size(max = 1000) String description,
            @Min(0) @Max(17) Integer ageYears) {

        @AssertTrue(message = "a child needs a firstName or a description")
        boolean isIdentifiable() {
            return (firstName != null && !firstName.isBlank()) || (description != null && !description.isBlank());
        }

        Report.Child toChild() {
            return new Report.Child(firstName, description, ageYears);
        }
    }

    record LocationRequest(
            @NotBlank @Size(max = 100) String municipality,
            @Size(max = 500) String details) {
    }

    record ReporterRequest(
            @Size(max = 200) String name,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{3,30}", message = "must be a phone number") String phone) {
    }

    Report toReport() {
        Report.Reporter who = reporter == null ? Report.Reporter.ANONYMOUS : new Report.Reporter(reporter.name(), reporter.phone());
        return new Report(source, java.util.Set.copyOf(concerns), immediateDanger,
                children.stream().map(ChildRequest::toChild).toList(),
                new Report.Location(location.municipality(), location.details()), narrative, who);
    }
}
