package org.caseflow.workflow.procedure;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseEvents;
import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseChanges;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.PlacementEnded;
import org.caseflow.events.PlacementStarted;
import org.caseflow.events.ProtectionMeasureDecided;
import org.caseflow.events.ProtectionPlanApproved;
import org.caseflow.events.RiskLevel;
import org.caseflow.events.RiskReassessed;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.TaskCancelled;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.caseflow.events.CaseReopened;
import org.caseflow.events.Envelope;
import org.caseflow.workflow.WorkflowIntegrationTest;
import org.caseflow.workflow.correlation.AgencyEventCorrelator;
import org.caseflow.workflow.correlation.EarlyMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.awaitility.Awaitility.await;

/** Every path of emergency-response and anti-trafficking, on the engine of the service, with real PostgreSQL. */
class ProcedureTest extends WorkflowIntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    @Autowired AgencyEventCorrelator correlator;
    @Autowired ProcedureReopener reopener;
    @Autowired EarlyMessages earlyMessages;
    private static final KafkaProbe kafka = new KafkaProbe(TestInfrastructure.shared().kafka());

    private static final String PREVIOUS = "emergency-response-previous";

    private String caseId;

    @BeforeEach
    void engine() {
        init(engine);
        caseId = UUID.randomUUID().toString();
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    // --- screening -------------------------------------------------------------------------------------

    @Test
    void suggestsHighRiskForAChildInDangerNow() {
        ProcessInstance pi = report(true, false, "NEGLECT", 9);
        assertThat(pi).isWaitingAt("ScreenReport").variables().containsEntry("suggestedRiskLevel", "HIGH");
        assertThat(groupsOf(task("ScreenReport"))).containsExactlyInAnyOrder("cpu", "emergency-centre");
    }

    @ParameterizedTest
    @CsvSource({"SEXUAL_ABUSE, 12, HIGH", "VIOLENCE, 12, MEDIUM", "NEGLECT, 4, MEDIUM", "NEGLECT, 12, LOW", "BEGGING, 9, HIGH",
            "CHILD_LABOUR, 15, MEDIUM", "BEGGING, , MEDIUM"})
    void suggestsTheRiskLevelFromTheDecisionTable(String concern, Integer age, String expected) {
        ProcessInstance pi = report(false, false, concern, age);
        assertThat(pi).variables().containsEntry("suggestedRiskLevel", expected);
    }

    @Test
    void closesAReportThatIsNoProtectionCaseAndInformsTheReportersAgency() {
        ProcessInstance pi = report(false, false, "NEGLECT", 9);
        screen(false, "LOW", "no risk found");
        assertThat(pi).hasPassed("FindReporterAgency", "InformReporterAgency", "PublishClosedNotProtection").isEnded();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("reporterAgency")
                .singleResult().getValue()).isEqualTo("education");
        assertPublished("CaseScreened", 1);
        assertPublished("CaseClosed", 1);
    }

    // --- risk levels -----------------------------------------------------------------------------------

    @Test
    void theEscortIsDecidedAtTheScreeningAndGoesWithTheFirstContact() {
        ProcessInstance pi = report(false, false, "VIOLENCE", 12);
        screen(true, "HIGH", "danger at home", true);
        Task contact = task("MakeFirstContact");
        Task escort = task("EscortByPolice");
        assertThat(groupsOf(contact)).containsExactlyInAnyOrder("cpu", "emergency-centre");
        assertThat(groupsOf(escort)).containsExactly("police");
        assertThat(escort.getDueDate()).as("the escort is due with the contact it protects").isEqualTo(contact.getDueDate());
        contactMade();
        assertThat(pi).as("the procedure goes on once the escort is done too").isWaitingAt("EscortByPolice");
        complete("EscortByPolice", Map.of("escortDone", true));
        assertThat(pi).isWaitingAt("TakeEmergencyMeasure");
    }

    @Test
    void aChildNotFoundAtTheFirstContactIsLookedForAndThenSeen() {
        ProcessInstance pi = screened("MEDIUM");
        complete("MakeFirstContact", Map.of("childSeen", false, "firstContactOn", "2026-12-01"));
        assertThat(pi).hasNotPassed("VisitHomeAndAnalyseRisk").isWaitingAt("LocateChild");
        assertThat(groupsOf(task("LocateChild"))).containsExactlyInAnyOrder("police", "cpu");
        complete("LocateChild", Map.of("childLocated", true, "childLocatedOn", "2026-12-02"));
        assertThat(pi).isWaitingAt("MakeFirstContact");
        contactMade();
        assertThat(pi).isWaitingAt("VisitHomeAndAnalyseRisk");
    }

    // --- the emergency measure ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"EMERGENCY_STAY_72H", "IMMEDIATE_PROTECTION"})
    void aRemovalInAnEmergencyAsksTheCourtWhichConfirmsIt(String measure) {
        ProcessInstance pi = screened("HIGH");
        contactMade();
        complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", measure));
        assertThat(pi).hasPassed("PublishEmergencyMeasureTaken", "PublishCourtDecisionRequested")
                .isWaitingAt("VisitHomeAndAnalyseRisk", "AwaitEmergencyDecision");
        assertPublished("EmergencyMeasureTaken", 1);
        assertPublished("CourtDecisionRequested", 1);
        assertThat((Date) runtime.getVariable(pi.getId(), "emergencyMeasureDue"))
                .isEqualTo(plus((Date) runtime.getVariable(pi.getId(), "emergencyMeasureTakenAt"), Duration.ofHours(72)));

        correlator.correlate(agencyEvent("EmergencyMeasureDecisionRecorded", "CONFIRMED"));

        assertThat(pi).hasPassed("EmergencyMeasureConfirmed").hasNotPassed("LiftEmergencyMeasure").isWaitingAt("VisitHomeAndAnalyseRisk");
        passTime(Duration.ofHours(73));
        assertThat(pi).as("a confirmed measure does not run out").hasNotPassed("EscalateEmergencyMeasure");
    }

    @Test
    void aCourtThatLiftsTheEmergencyRemovalEndsTheMeasureAtOnce() {
        ProcessInstance pi = screened("HIGH");
        contactMade();
        complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", "EMERGENCY_STAY_72H"));
        correlator.correlate(agencyEvent("EmergencyMeasureDecisionRecorded", "REJECTED"));
        assertThat(pi).isWaitingAt("VisitHomeAndAnalyseRisk", "LiftEmergencyMeasure");
        assertThat(groupsOf(task("LiftEmergencyMeasure"))).containsExactlyInAnyOrder("cpu", "emergency-centre");
        complete("LiftEmergencyMeasure", Map.of("emergencyMeasureEnd", "WITH_RELATIVES", "emergencyMeasureEndedOn", "2026-12-02"));
        assertThat(pi).hasPassed("PublishEmergencyMeasureEnded", "EmergencyMeasureLifted");
        assertPublished("EmergencyMeasureEnded", 1);
    }

    @Test
    void theCourtsDecisionOnTheEmergencyMeasureMayComeBeforeTheProcedureAsks() {
        ProcessInstance pi = screened("HIGH");
        contactMade();
        correlator.correlate(agencyEvent("EmergencyMeasureDecisionRecorded", "CONFIRMED"));
        assertThat(earlyMessages.waiting(caseId)).isEqualTo(1);
        complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", "IMMEDIATE_PROTECTION"));
        assertThat(pi).hasNotPassed("AwaitEmergencyDecision").hasPassed("EmergencyMeasureConfirmed");
        assertThat(earlyMessages.waiting(caseId)).isZero();
    }

    @Test
    void aMeasureThatKeepsTheChildAtHomeNeedsNoCourtAndEndsByItsDeadline() {
        ProcessInstance pi = screened("HIGH");
        contactMade();
        complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", "MEDICAL_CARE"));
        assertThat(pi).hasNotPassed("PublishCourtDecisionRequested").isWaitingAt("VisitHomeAndAnalyseRisk", "LiftEmergencyMeasure");
        assertThat(task("LiftEmergencyMeasure").getDueDate()).isEqualTo(runtime.getVariable(pi.getId(), "emergencyMeasureDue"));
    }

    /** The court's deadline at 48 hours and the measure's end at 72, each just before and just after. */
    @Test
    void anEmergencyRemovalTheCourtLeavesUndecidedEscalatesAndRunsOut() {
        ProcessInstance pi = screened("HIGH");
        contactMade();
        complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", "EMERGENCY_STAY_72H"));
        Date taken = (Date) runtime.getVariable(pi.getId(), "emergencyMeasureTakenAt");

        passTimeTo(plus(taken, Duration.ofHours(48).minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalateEmergencyDecision");
        passTimeTo(plus(taken, Duration.ofHours(48).plusMinutes(1)));
        assertThat(pi).isWaitingAt("AwaitEmergencyDecision", "EscalateEmergencyDecision");
        assertThat(missed("emergencyCourtDecision").getEscalatedTo()).containsExactly("cpu", "supervisors");

        passTimeTo(plus(taken, Duration.ofHours(72).minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalateEmergencyMeasure");
        passTimeTo(plus(taken, Duration.ofHours(72).plusMinutes(1)));
        assertThat(pi).isWaitingAt("AwaitEmergencyDecision", "EscalateEmergencyMeasure");
        DeadlineMissed runOut = missed("emergencyMeasure");
        assertThat(runOut.getEscalatedTo()).containsExactly("cpu", "emergency-centre", "supervisors");
        assertThat(runOut.getDueAt()).isEqualTo(plus(taken, Duration.ofHours(72)).toInstant());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("HandleMissedDeadline").list())
                .flatExtracting(this::groupsOf).contains("cpu", "emergency-centre", "supervisors");
    }

    @ParameterizedTest
    @CsvSource({"MEDIUM, P3D", "LOW, P7D"})
    void mediumAndLowRiskGoFromFirstContactToAssessment(String riskLevel, String firstContactWithin) {
        ProcessInstance pi = screened(riskLevel);
        assertThat(groupsOf(task("MakeFirstContact"))).containsExactly("cpu");
        assertThat(pi).variables().containsEntry("firstContactPeriod", firstContactWithin);
        contactMade();
        assertThat(pi).hasNotPassed("TakeEmergencyMeasure", "EscortByPolice").isWaitingAt("VisitHomeAndAnalyseRisk");
    }

    // --- assessment and plan ---------------------------------------------------------------------------

    @Test
    void theTechnicalGroupHearsFromEachChosenAgencyThenThePlanIsReworkedAndApproved() {
        ProcessInstance pi = screened("MEDIUM");
        contactMade();
        visited("health,education");
        List<Task> inputs = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("GiveTechnicalGroupInput").list();
        assertThat(inputs).flatExtracting(this::groupsOf).containsExactlyInAnyOrder("health", "education");
        inputs.forEach(t -> tasks.complete(t.getId(), Map.of("inputGiven", true)));
        assertPublished("TechnicalGroupMet", 0);
        met();
        outcome("REMOVAL");
        complete("DraftProtectionPlan", Map.of("planReference", "PIM-1"));
        assertThat(groupsOf(task("ApproveProtectionPlan"))).containsExactly("cpu-supervisors");
        complete("ApproveProtectionPlan", Map.of("planApproved", false, "planComment", "add school support"));
        assertThat(pi).isWaitingAt("DraftProtectionPlan").variables().containsEntry("planComment", "add school support");
        complete("DraftProtectionPlan", Map.of("planReference", "PIM-2"));
        complete("ApproveProtectionPlan", Map.of("planApproved", true));
        assertThat(pi).hasPassed("PublishPlanApproved").isWaitingAt("DecideProtectionMeasure");
        assertPublished("TechnicalGroupCalled", 1);
        assertPublished("TechnicalGroupMet", 1);
        assertPublished("ProtectionPlanApproved", 1);
    }

    /** The attendance boxes are optional: a REST client that leaves them out records a meeting without them. */
    @Test
    void aMeetingRecordedWithoutTheOptionalAttendanceGoesOnWithNoOneOfThemThere() {
        ProcessInstance pi = screened("MEDIUM");
        contactMade();
        visited("health");
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        complete("HoldTechnicalGroupMeeting", Map.of("meetingOn", "2026-12-03", "meetingAgencies", "cpu,health",
                "minutesReference", "GTN-2/2026"));
        assertThat(pi).isWaitingAt("DecideAssessmentOutcome");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(steps("TechnicalGroupMet")).singleElement()
                .satisfies(met -> assertThat(met.getAttributes()).containsEntry("justice", "false").containsEntry("ngo", "false")
                        .containsEntry("parents", "false").containsEntry("child", "false").containsEntry("minutes", "GTN-2/2026")));
    }

    @Test
    void everyTaskWithADeadlineCarriesItAsItsDueDate() {
        ProcessInstance pi = screened("MEDIUM");
        Date assessmentDue = (Date) runtime.getVariable(pi.getId(), "assessmentDue");
        Date planApprovalDue = (Date) runtime.getVariable(pi.getId(), "planApprovalDue");
        assertThat(task("MakeFirstContact").getDueDate())
                .isEqualTo((Date) runtime.getVariable(pi.getId(), "firstContactDue"));
        contactMade();
        assertThat(task("VisitHomeAndAnalyseRisk").getDueDate()).isEqualTo(assessmentDue);
        visited("health");
        assertThat(task("GiveTechnicalGroupInput").getDueDate()).isEqualTo(assessmentDue);
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        assertThat(task("HoldTechnicalGroupMeeting").getDueDate()).isEqualTo(assessmentDue);
        met();
        assertThat(task("DecideAssessmentOutcome").getDueDate()).isEqualTo(planApprovalDue);
        outcome("REMOVAL");
        assertThat(task("DraftProtectionPlan").getDueDate()).isEqualTo(planApprovalDue);
        complete("DraftProtectionPlan", Map.of("planReference", "PIM-1"));
        assertThat(task("ApproveProtectionPlan").getDueDate()).isEqualTo(planApprovalDue);
        complete("ApproveProtectionPlan", Map.of("planApproved", true));
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "HOME_SUPERVISION"));
        complete("StartPlacement", Map.of("placementStarted", true, "placementStartedOn", "2026-12-01"));
        passTime(Duration.ofDays(15));
        Task review = task("ReviewFollowUp");
        assertThat(review.getDueDate()).as("one follow-up period (14 days at medium risk) after the review was given")
                .isEqualTo(Date.from(review.getCreateTime().toInstant().plus(Duration.ofDays(14))));
    }

    // --- placement and the court --------------------------------------------------------------------------

    @Test
    void supervisionAtHomeNeedsNoCourt() {
        ProcessInstance pi = planned("LOW");
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "HOME_SUPERVISION"));
        assertThat(pi).hasNotPassed("CourtDecisionRecorded").isWaitingAt("StartPlacement");
        assertThat(groupsOf(task("StartPlacement"))).containsExactly("cpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KINSHIP_CARE", "FOSTER_CARE", "EMERGENCY_SHELTER", "RESIDENTIAL_CARE", "RECEPTION_CENTRE"})
    void aMeasureThatRemovesTheChildWaitsForTheCourtDecision(String measure) {
        ProcessInstance pi = planned("MEDIUM");
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", measure));
        assertThat(pi).isWaitingAt("CourtDecisionRecorded");

        correlator.correlate(courtDecision("CONFIRMED"));

        assertThat(pi).isWaitingAt("StartPlacement").variables().containsEntry("courtDecision", "CONFIRMED");
        assertThat(groupsOf(task("StartPlacement"))).containsExactly("shelter");
        complete("StartPlacement", Map.of("placementStarted", true, "placementStartedOn", "2026-12-01"));
        assertThat(pi).hasPassed("PublishPlacementStarted").isWaitingAt("ReviewDue");
        assertPublished("PlacementStarted", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KINSHIP_CARE", "FOSTER_CARE", "EMERGENCY_SHELTER", "RESIDENTIAL_CARE", "RECEPTION_CENTRE"})
    void aCourtDecisionThatArrivesBeforeTheProcessWaitsIsNotLost(String measure) {
        ProcessInstance pi = planned("HIGH");
        correlator.correlate(courtDecision("CONFIRMED"));
        assertThat(earlyMessages.waiting(caseId)).isEqualTo(1);

        complete("DecideProtectionMeasure", Map.of("protectionMeasure", measure));

        assertThat(pi).hasNotPassed("CourtDecisionRecorded").isWaitingAt("StartPlacement");
        assertThat(earlyMessages.waiting(caseId)).isZero();
    }

    @Test
    void aCourtDecisionRacingTheProcessToItsWaitIsNeverLost() throws Exception {
        for (int round = 0; round < 8; round++) {
            caseId = UUID.randomUUID().toString();
            ProcessInstance pi = planned("MEDIUM");
            String decide = task("DecideProtectionMeasure").getId();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
            var decided = both.submit(() -> {
                go.await();
                tasks.complete(decide, Map.of("protectionMeasure", "RESIDENTIAL_CARE"));
                return null;
            });
            AgencyEventReceived decision = courtDecision("CONFIRMED");
            var correlated = both.submit(() -> {
                go.await();
                // As the listener's error handler would: a transaction that lost an optimistic lock is tried again.
                for (int attempt = 1; ; attempt++) {
                    try {
                        correlator.correlate(decision);
                        return null;
                    } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
                        if (attempt == 5) {
                            throw e;
                        }
                    }
                }
            });
            go.countDown();
            decided.get(30, java.util.concurrent.TimeUnit.SECONDS);
            correlated.get(30, java.util.concurrent.TimeUnit.SECONDS);
            both.shutdown();

            assertThat(pi).as("round " + round).isWaitingAt("StartPlacement");
            assertThat(earlyMessages.waiting(caseId)).isZero();
        }
    }

    /** The court is asked, and has courtDecision (14 days) to answer: a minute before, nothing; a minute after, the escalation. */
    @Test
    void aRemovalAsksTheCourtWhoseDecisionIsDueAndEscalatedWhenLate() {
        ProcessInstance pi = planned("MEDIUM");
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "RESIDENTIAL_CARE"));
        assertThat(pi).hasPassed("PublishMeasureCourtRequested").isWaitingAt("CourtDecisionRecorded");
        assertPublished("CourtDecisionRequested", 1);
        Date asked = (Date) runtime.getVariable(pi.getId(), "courtDecisionRequestedAt");
        assertThat((Date) runtime.getVariable(pi.getId(), "courtDecisionDue")).isEqualTo(plus(asked, Duration.ofDays(14)));

        passTimeTo(plus(asked, Duration.ofDays(14).minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalateCourtDecision");
        passTimeTo(plus(asked, Duration.ofDays(14).plusMinutes(1)));
        assertThat(pi).isWaitingAt("CourtDecisionRecorded", "EscalateCourtDecision");
        assertThat(missed("courtDecision").getEscalatedTo()).containsExactly("cpu", "supervisors");

        correlator.correlate(courtDecision("CONFIRMED"));
        assertThat(pi).isWaitingAt("StartPlacement", "EscalateCourtDecision");
    }

    @Test
    void aRejectingCourtSendsTheMeasureBackForAnotherDecision() {
        ProcessInstance pi = planned("MEDIUM");
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "FOSTER_CARE"));
        correlator.correlate(courtDecision("REJECTED"));
        assertThat(pi).isWaitingAt("DecideProtectionMeasure");
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "HOME_SUPERVISION"));
        assertThat(pi).isWaitingAt("StartPlacement");
    }

    // --- the assessment's outcome and the risk reassessed ------------------------------------------------------

    @Test
    void theHomeVisitReassessesTheRiskAndThePlanAndFollowUpFollowIt() {
        ProcessInstance pi = screened("LOW");
        contactMade();
        assertThat(pi).variables().containsEntry("planApprovalPeriod", "P30D").containsEntry("followUpPeriod", "P30D");
        visited("health", "HIGH");
        assertThat(pi).hasPassed("PublishRiskReassessed").variables().containsEntry("riskLevel", "HIGH")
                .containsEntry("planApprovalPeriod", "P7D").containsEntry("followUpPeriod", "P7D");
        assertThat((Date) runtime.getVariable(pi.getId(), "planApprovalDue"))
                .isEqualTo(plus((Date) runtime.getVariable(pi.getId(), "caseScreenedAt"), Duration.ofDays(7)));
        assertPublished("RiskReassessed", 1);
    }

    @Test
    void aReviewReassessesTheRiskAndTheNextReviewComesByTheNewLevel() {
        ProcessInstance pi = placed("MEDIUM");
        passTime(Duration.ofDays(15));
        review(Map.of("requestClosure", false, "riskLevel", "HIGH"));
        assertThat(pi).variables().containsEntry("riskLevel", "HIGH").containsEntry("followUpPeriod", "P7D");
        passTime(Duration.ofDays(6));
        assertThat(pi).isWaitingAt("ReviewDue");
        passTime(Duration.ofDays(2));
        assertThat(pi).isWaitingAt("ReviewFollowUp");
        assertThat(changes(RiskReassessed.class)).extracting(r -> r.getReassessedAt() + " " + r.getRiskLevel())
                .containsExactly("HOME_VISIT MEDIUM", "REVIEW HIGH");
    }

    @Test
    void whatChangesTheCaseIsPublishedAsItsTypedEventWithItsFieldsAndNeverAsANamedStep() {
        placed("MEDIUM");
        assertThat(changes(CaseScreened.class)).singleElement().satisfies(screened -> {
            assertThat(screened.getProtectionCase()).isTrue();
            assertThat(screened.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(screened.getSuggestedRiskLevel()).isNotNull();
            assertThat(screened.getEnvelope().getEventType()).isEqualTo("CaseScreened");
        });
        assertThat(changes(ProtectionPlanApproved.class)).singleElement().satisfies(approved -> {
            assertThat(approved.getRevised()).isFalse();
            assertThat(approved.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        });
        assertThat(changes(ProtectionMeasureDecided.class)).singleElement().satisfies(decided -> {
            assertThat(decided.getMeasure()).isEqualTo("HOME_SUPERVISION");
            assertThat(decided.getCourtConfirmed()).as("supervision at home needs no court").isFalse();
        });
        assertThat(changes(PlacementStarted.class)).singleElement().satisfies(started -> {
            assertThat(started.getMeasure()).isEqualTo("HOME_SUPERVISION");
            assertThat(started.getStartedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        });
        assertThat(kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                .filter(e -> e instanceof CaseStepRecorded step && CaseChanges.type(step.getName()).isPresent()).toList())
                .as("steps named like a change").isEmpty();
    }

    @Test
    void aRemovalConfirmedByTheCourtIsDecidedWithTheCourtsConfirmation() {
        ProcessInstance pi = planned("HIGH");
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "FOSTER_CARE"));
        correlator.correlate(courtDecision("CONFIRMED"));
        assertThat(pi).isWaitingAt("StartPlacement");
        assertThat(changes(ProtectionMeasureDecided.class)).singleElement().satisfies(decided -> {
            assertThat(decided.getMeasure()).isEqualTo("FOSTER_CARE");
            assertThat(decided.getCourtConfirmed()).isTrue();
        });
    }

    @Test
    void noMeasureNeededClosesTheCaseOnceASupervisorApproves() {
        ProcessInstance pi = assessed("MEDIUM");
        outcome("NO_MEASURE_NEEDED");
        assertThat(groupsOf(task("ApproveNoMeasure"))).containsExactly("cpu-supervisors");
        assertThat(tasks.getVariable(task("ApproveNoMeasure").getId(), "closureReason")).isEqualTo("NO_MEASURE_NEEDED");
        complete("ApproveNoMeasure", Map.of("closureApproved", false, "closureComment", "the school still worries"));
        assertThat(pi).isWaitingAt("DecideAssessmentOutcome");
        outcome("NO_MEASURE_NEEDED");
        complete("ApproveNoMeasure", Map.of("closureApproved", true, "closureComment", "agreed"));
        assertThat(pi).hasPassed("PublishClosedNoMeasure").hasNotPassed("DraftProtectionPlan").isEnded();
        assertThat(closedWith()).isEqualTo("NO_MEASURE_NEEDED");
    }

    @Test
    void servicesAtHomeWithTheParentsAgreementNeedNeitherAMeasureDecisionNorTheCourt() {
        ProcessInstance pi = plannedForServicesAtHome(true);
        assertThat(pi).hasNotPassed("DecideProtectionMeasure", "CourtDecisionRecorded").isWaitingAt("StartPlacement");
        assertThat(groupsOf(task("StartPlacement"))).containsExactly("cpu");
        complete("StartPlacement", Map.of("placementStarted", true, "placementStartedOn", "2026-12-01"));
        assertThat(pi).isWaitingAt("ReviewDue").variables().containsEntry("protectionMeasure", "HOME_SUPERVISION");
    }

    @Test
    void servicesAtHomeWithoutTheParentsAgreementGoToTheMeasureDecision() {
        ProcessInstance pi = plannedForServicesAtHome(false);
        assertThat(pi).isWaitingAt("DecideProtectionMeasure");
    }

    @Test
    void theCpuAsksToCloseTheCaseAtAnyTimeAndASupervisorDecides() {
        ProcessInstance pi = screened("MEDIUM");
        contactMade();
        correlator.correlate(closureRequested("TRANSFERRED", "the family moved to Tirana; the file goes to its CPU"));
        Task approval = task("ApproveRequestedClosure");
        assertThat(groupsOf(approval)).containsExactly("cpu-supervisors");
        assertThat(tasks.getVariable(approval.getId(), "closureReason")).isEqualTo("TRANSFERRED");
        complete("ApproveRequestedClosure", Map.of("closureApproved", false, "closureComment", "wait for the transfer"));
        assertThat(pi).as("not approved: the case goes on where it was").isWaitingAt("VisitHomeAndAnalyseRisk");

        correlator.correlate(closureRequested("TRANSFERRED", "transfer confirmed"));
        complete("ApproveRequestedClosure", Map.of("closureApproved", true, "closureComment", "transfer confirmed"));
        assertThat(pi).hasPassed("PublishClosedOnRequest").isEnded();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).count()).isZero();
        assertThat(closedWith()).isEqualTo("TRANSFERRED");
        assertThat(pi).hasNotPassed("PublishPlacementEndedOnRequest");
        assertThat(changes(PlacementEnded.class)).as("no placement had started").isEmpty();
    }

    @Test
    void aCaseClosedAtAnyTimeWhilePlacedEndsThePlacementFirst() {
        ProcessInstance pi = placed("LOW");
        correlator.correlate(closureRequested("REACHED_ADULTHOOD", "eighteen on 2026-12-01"));
        complete("ApproveRequestedClosure", Map.of("closureApproved", true, "closureComment", "agreed"));
        assertThat(pi).hasPassed("PublishPlacementEndedOnRequest", "PublishClosedOnRequest").isEnded();
        assertThat(changes(PlacementEnded.class)).singleElement().satisfies(ended -> {
            assertThat(ended.getMeasure()).isEqualTo("HOME_SUPERVISION");
            assertThat(ended.getReason()).isEqualTo("REACHED_ADULTHOOD");
        });
        assertThat(closedWith()).isEqualTo("REACHED_ADULTHOOD");
    }

    // --- referrals to services ----------------------------------------------------------------------------

    @Test
    void aReferralIsAcceptedAndTheServiceReportedGivenEachAnEvent() {
        ProcessInstance pi = screened("MEDIUM");
        contactMade();
        correlator.correlate(referral("PSYCHOLOGICAL_SUPPORT", "health"));
        Task accept = task("AcceptReferral");
        assertThat(groupsOf(accept)).containsExactly("health");
        assertThat(tasks.getVariable(accept.getId(), "service")).isEqualTo("PSYCHOLOGICAL_SUPPORT");
        complete("AcceptReferral", Map.of("referralAccepted", true));
        assertThat(groupsOf(task("ReportReferralDone"))).containsExactly("health");
        complete("ReportReferralDone", Map.of("serviceGiven", true, "serviceGivenOn", "2026-12-10"));
        assertPublished("ReferralSent", 1);
        assertPublished("ReferralAccepted", 1);
        assertPublished("ReferralDone", 1);
        assertThat(pi).as("the case goes on meanwhile").isWaitingAt("VisitHomeAndAnalyseRisk");
    }

    @Test
    void aRefusedReferralSaysWhy() {
        screened("MEDIUM");
        correlator.correlate(referral("ECONOMIC_AID", "social-service"));
        complete("AcceptReferral", Map.of("referralAccepted", false, "refusalReason", "the family already receives it"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(steps("ReferralRefused")).singleElement()
                .satisfies(step -> assertThat(step.getAttributes()).containsEntry("reason", "the family already receives it")
                        .containsEntry("agency", "social-service")));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("ReportReferralDone").count()).isZero();
    }

    @Test
    void referralsAtOnceKeepEachTheirOwnAgencyAndService() {
        screened("LOW");
        correlator.correlate(referral("HEALTH_CARE", "health"));
        correlator.correlate(referral("SCHOOL_REINTEGRATION", "education"));
        List<Task> accepts = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("AcceptReferral").list();
        assertThat(accepts).extracting(t -> groupsOf(t).get(0) + ":" + tasks.getVariable(t.getId(), "service"))
                .containsExactlyInAnyOrder("health:HEALTH_CARE", "education:SCHOOL_REINTEGRATION");
    }

    /** referralAcceptance by risk level, from the referral; a minute before, nothing; a minute after, the escalation. */
    @ParameterizedTest
    @CsvSource({"HIGH, 1", "MEDIUM, 3", "LOW, 5"})
    void aReferralNotAnsweredInTimeEscalates(String riskLevel, int days) {
        screened(riskLevel);
        correlator.correlate(referral("LEGAL_AID", "social-service"));
        Date sent = (Date) tasks.getVariable(task("AcceptReferral").getId(), "referralSentAt");
        passTimeTo(plus(sent, Duration.ofDays(days).minusMinutes(1)));
        assertThat(missedEvents("referralAcceptance")).isEmpty();
        passTimeTo(plus(sent, Duration.ofDays(days).plusMinutes(1)));
        DeadlineMissed missed = missed("referralAcceptance");
        assertThat(missed.getTaskKey()).isEqualTo("AcceptReferral");
        assertThat(missed.getCandidateGroups()).containsExactly("social-service");
        assertThat(missed.getEscalatedTo()).containsExactly("cpu", "supervisors");
    }

    /** referralDone: 30 days from the acceptance, at any risk level. */
    @Test
    void aServiceNotReportedGivenInTimeEscalates() {
        screened("HIGH");
        correlator.correlate(referral("PSYCHOLOGICAL_SUPPORT", "health"));
        complete("AcceptReferral", Map.of("referralAccepted", true));
        Date accepted = (Date) tasks.getVariable(task("ReportReferralDone").getId(), "referralAcceptedAt");
        passTimeTo(plus(accepted, Duration.ofDays(30).minusMinutes(1)));
        assertThat(missedEvents("referralDone")).isEmpty();
        passTimeTo(plus(accepted, Duration.ofDays(30).plusMinutes(1)));
        DeadlineMissed missed = missed("referralDone");
        assertThat(missed.getTaskKey()).isEqualTo("ReportReferralDone");
        assertThat(missed.getCandidateGroups()).containsExactly("health");
        assertThat(missed.getEscalatedTo()).containsExactly("cpu", "supervisors");
    }

    /** The reviews list the referrals still open, in both languages, with the agency and what is awaited by when. */
    @Test
    void theReviewsSeeWhichReferralsAreStillOpen() {
        placed("LOW");
        passTime(Duration.ofDays(30));
        assertThat(tasks.getVariable(task("ReviewFollowUp").getId(), "openReferrals")).isEqualTo("Asnjë / None");
        review(Map.of("requestClosure", false));

        correlator.correlate(referral("PSYCHOLOGICAL_SUPPORT", "health"));
        correlator.correlate(referral("SCHOOL_REINTEGRATION", "education"));
        correlator.correlate(referral("LEGAL_AID", "social-service"));
        Task health = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("AcceptReferral")
                .taskCandidateGroup("health").singleResult();
        tasks.complete(health.getId(), Map.of("referralAccepted", true));
        Task legal = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("AcceptReferral")
                .taskCandidateGroup("social-service").singleResult();
        tasks.complete(legal.getId(), Map.of("referralAccepted", false, "refusalReason", "given by another office"));
        passTime(Duration.ofDays(30));

        String open = (String) tasks.getVariable(task("ReviewFollowUp").getId(), "openReferrals");
        assertThat(open.lines()).hasSize(2).anySatisfy(line -> assertThat(line)
                        .startsWith("- Mbështetje psikologjike / Psychological support · Shëndetësia: pranuar, shërbimi deri më ")
                        .contains("/ accepted, the service due by "))
                .anySatisfy(line -> assertThat(line).startsWith("- Rikthim në shkollë / School reintegration · Arsimi: pret pranimin deri më ")
                        .contains("/ waiting to be accepted by "));
        assertThat(open).as("a refused referral is not open").doesNotContain("Legal aid");
    }

    private AgencyEventReceived referral(String service, String agency) {
        return AgencyEventReceived.newBuilder().setEnvelope(envelope("AgencyEventReceived")).setKind("ReferralRequested")
                .setAgency("cpu").setOutcome(service).setAttributes(Map.of("agency", agency)).build();
    }

    private List<CaseStepRecorded> steps(String name) {
        return kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                .filter(e -> e instanceof CaseStepRecorded step && step.getName().equals(name)).map(CaseStepRecorded.class::cast).toList();
    }

    // --- trafficking -----------------------------------------------------------------------------------

    @Test
    void trafficingIndicatorsRunTheAntiTraffickingTrackBesideTheResponseAndHandItsResultsBack() {
        ProcessInstance pi = report(true, true, "TRAFFICKING_SUSPECTED", 15);
        screen(true, "HIGH", "indicators");
        assertThat(pi).isWaitingAt("AntiTraffickingTrack", "MakeFirstContact");
        ProcessInstance track = track();
        assertThat(track).hasPassed("InformKratAndPolice").isWaitingAt("AppointSupportPerson");
        assertPublished("NotificationRequested", 1);
        complete("AppointSupportPerson", Map.of("supportPersonAssigned", true, "supportPersonOn", "2026-12-01", "foreignChild", false));
        assertThat(track).as("assistance does not wait for the interview").isWaitingAt("HoldJointInterview", "ProvideImmediateAssistance");
        assertThat(groupsOf(task("HoldJointInterview"))).containsExactlyInAnyOrder("police", "social-service");
        complete("ProvideImmediateAssistance", Map.of("assistanceGiven", true));
        complete("HoldJointInterview", Map.of("potentialVictim", true));
        assertThat(groupsOf(task("RecordVictimStatus"))).containsExactlyInAnyOrder("police", "social-service");
        complete("RecordVictimStatus", Map.of("victimStatus", "VICTIM", "victimStatusOn", "2026-12-02"));
        complete("AssessTraffickingRisk", Map.of("traffickingRiskLevel", "HIGH"));
        assertThat(groupsOf(task("ArrangeAccommodation"))).containsExactly("shelter");
        complete("ArrangeAccommodation", Map.of("accommodation", "RECEPTION_CENTRE"));
        complete("DraftReintegrationPlan", Map.of("reintegrationPlanReference", "PR-1", "reintegrationPlanOn", "2026-12-05"));
        assertThat(track).hasPassed("PublishTrackClosed").isEnded();
        assertPublished("JointInterviewHeld", 1);
        assertPublished("VictimStatusGranted", 1);
        assertPublished("ShelterAdmission", 1);
        assertPublished("ReintegrationPlanDrafted", 1);
        assertPublished("AntiTraffickingTrackClosed", 1);
        assertThat(pi).isWaitingAt("MakeFirstContact").variables().containsEntry("accommodation", "RECEPTION_CENTRE")
                .containsEntry("victimStatus", "VICTIM").containsEntry("traffickingRiskLevel", "HIGH")
                .containsEntry("reintegrationPlanReference", "PR-1");
    }

    @Test
    void aForeignChildAloneGetsAGuardianAndAnInterpreter() {
        report(false, true, "UNACCOMPANIED", 15);
        screen(true, "HIGH", "alone at the port");
        complete("AppointSupportPerson", Map.of("supportPersonAssigned", true, "supportPersonOn", "2026-12-01", "foreignChild", true));
        assertThat(groupsOf(task("AppointGuardianAndInterpreter"))).containsExactlyInAnyOrder("social-service", "cpu");
        complete("AppointGuardianAndInterpreter", Map.of("guardianAppointed", true, "guardianAppointedOn", "2026-12-01",
                "interpreterNeeded", true, "interpreterArranged", true));
        assertThat(track()).isWaitingAt("HoldJointInterview", "ProvideImmediateAssistance");
    }

    @Test
    void theScreeningRaisesTraffickingIndicatorsTheReporterDidNotSee() {
        ProcessInstance pi = report(false, false, "BEGGING", 9);
        Map<String, Object> answers = new HashMap<>(Map.of("traffickingIndicators", true));
        screenWith(answers, "HIGH", "begging at the port");
        assertThat(pi).isWaitingAt("AntiTraffickingTrack", "MakeFirstContact");
        assertThat(track()).isWaitingAt("AppointSupportPerson");
    }

    @Test
    void theHomeVisitRaisesTraffickingIndicatorsAndTheTrackStartsAtOnce() {
        ProcessInstance pi = screened("MEDIUM");
        contactMade();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("anti-trafficking").processInstanceBusinessKey(caseId).count())
                .isZero();
        complete("VisitHomeAndAnalyseRisk", Map.of("homeVisitDone", true, "homeVisitOn", "2026-12-01", "riskLevel", "HIGH",
                "traffickingIndicatorsAtVisit", true, "technicalGroupAgencies", "police"));
        assertThat(pi).isWaitingAt("GiveTechnicalGroupInput", "AntiTraffickingTrackLate");
        assertThat(track()).isWaitingAt("AppointSupportPerson");
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("anti-trafficking").processInstanceBusinessKey(caseId).count())
                .as("one track, however many variables change later").isOne();
    }

    private ProcessInstance track() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("anti-trafficking").processInstanceBusinessKey(caseId).singleResult();
    }

    // --- deadlines -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"true, NEGLECT, PT1H", "false, SEXUAL_ABUSE, PT12H", "false, VIOLENCE, PT24H", "false, NEGLECT, P3D"})
    void theScreeningIsDueByTheDangerReportedAndEscalatesJustAfter(boolean danger, String concern, String within) {
        ProcessInstance pi = report(danger, false, concern, 12);
        Duration period = Duration.parse(within.replace("P3D", "PT72H"));
        Date reported = (Date) runtime.getVariable(pi.getId(), "caseReportedAt");
        assertThat(task("ScreenReport").getDueDate()).isEqualTo(plus(reported, period));

        passTimeTo(plus(reported, period.minusMinutes(1)));
        assertThat(pi).isWaitingAt("ScreenReport").hasNotPassed("EscalateScreening");
        assertPublished("DeadlineMissed", 0);
        passTimeTo(plus(reported, period.plusMinutes(1)));
        assertThat(pi).isWaitingAt("ScreenReport", "EscalateScreening");
        DeadlineMissed missed = missed("screening");
        assertThat(missed.getTaskKey()).isEqualTo("ScreenReport");
        assertThat(missed.getCandidateGroups()).containsExactly("cpu", "emergency-centre");
        assertThat(groupsOf(task("HandleMissedDeadline"))).containsExactly("supervisors");
    }

    @ParameterizedTest
    @CsvSource({"true, HIGH, PT2H", "false, HIGH, PT24H", "false, MEDIUM, PT72H", "false, LOW, PT168H"})
    void firstContactCountsFromTheScreeningNotFromTheReport(boolean immediateDanger, String riskLevel, String within) {
        ProcessInstance pi = report(immediateDanger, false, "NEGLECT", 9);
        passTime(Duration.ofHours(5));
        screen(true, riskLevel, "screened late in the day");
        Date screened = (Date) runtime.getVariable(pi.getId(), "caseScreenedAt");
        Duration period = Duration.parse(within);
        assertThat(task("MakeFirstContact").getDueDate()).isEqualTo(plus(screened, period));

        passTimeTo(plus(screened, period.minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalateFirstContact");
        passTimeTo(plus(screened, period.plusMinutes(1)));
        assertThat(pi).isWaitingAt("MakeFirstContact", "EscalateFirstContact");
        assertThat(missed("firstContact").getRiskLevel()).isEqualTo(riskLevel);
    }

    /** The assessment's deadline by risk level, counted from the screening: a minute before, nothing; a minute after, the escalation. */
    @ParameterizedTest
    @CsvSource({"HIGH, 3", "MEDIUM, 7", "LOW, 14"})
    void theAssessmentIsEscalatedJustAfterItsDeadline(String riskLevel, int days) {
        ProcessInstance pi = screened(riskLevel);
        contactMade();
        if ("HIGH".equals(riskLevel)) {
            complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", "MEDICAL_CARE"));
        }
        Date screenedAt = (Date) runtime.getVariable(pi.getId(), "caseScreenedAt");
        passTimeTo(plus(screenedAt, Duration.ofDays(days).minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalateAssessment");
        assertThat(missedEvents("assessment")).isEmpty();
        passTimeTo(plus(screenedAt, Duration.ofDays(days).plusMinutes(1)));
        assertThat(pi).isWaitingAt("VisitHomeAndAnalyseRisk", "EscalateAssessment");
        assertThat(missed("assessment").getRiskLevel()).isEqualTo(riskLevel);
    }

    /** The plan's approval by risk level, counted from the screening. */
    @ParameterizedTest
    @CsvSource({"HIGH, 7", "MEDIUM, 14", "LOW, 30"})
    void thePlanApprovalIsEscalatedJustAfterItsDeadline(String riskLevel, int days) {
        ProcessInstance pi = assessed(riskLevel);
        outcome("REMOVAL");
        Date screenedAt = (Date) runtime.getVariable(pi.getId(), "caseScreenedAt");
        passTimeTo(plus(screenedAt, Duration.ofDays(days).minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalatePlanApproval");
        passTimeTo(plus(screenedAt, Duration.ofDays(days).plusMinutes(1)));
        assertThat(pi).isWaitingAt("DraftProtectionPlan", "EscalatePlanApproval");
        assertThat(missed("planApproval").getTaskKey()).isEqualTo("ProtectionPlan");
    }

    /** The full plan review comes every planReview period (3 months) of the follow-up: a minute before, none; a minute after, one, and the next is set. */
    @Test
    void theFullPlanReviewIsGivenAtItsPeriodAndAgainTheNext() {
        ProcessInstance pi = placed("LOW");
        Date placedAt = ClockUtil.getCurrentTime();
        Date due = management.createJobQuery().processInstanceId(pi.getId()).activityId("PlanReviewDue").singleResult().getDuedate();
        Date threeMonths = Date.from(placedAt.toInstant().atZone(java.time.ZoneId.systemDefault()).plusMonths(3).toInstant());
        assertThat(due).isBetween(plus(threeMonths, Duration.ofMinutes(-1)), plus(threeMonths, Duration.ofMinutes(1)));
        passTimeTo(plus(due, Duration.ofMinutes(-1)));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("ReviewProtectionPlan").count()).isZero();
        passTimeTo(plus(due, Duration.ofMinutes(1)));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("ReviewProtectionPlan").count()).isEqualTo(1);
        Date next = management.createJobQuery().processInstanceId(pi.getId()).activityId("PlanReviewDue").singleResult().getDuedate();
        // The engine keeps a cycle's dates to the second.
        assertThat(next).isCloseTo(Date.from(due.toInstant().atZone(java.time.ZoneId.systemDefault()).plusMonths(3).toInstant()), 1_000);
    }

    /** A full plan review, once given, is due within planReviewDone (two weeks), then escalated to supervisors. */
    @Test
    void aFullPlanReviewNotDoneInTimeIsEscalated() {
        placed("MEDIUM");
        passTime(Duration.ofDays(92));
        Task review = task("ReviewProtectionPlan");
        Date given = review.getCreateTime();
        assertThat(review.getDueDate()).isEqualTo(plus(given, Duration.ofDays(14)));
        passTimeTo(plus(given, Duration.ofDays(14).minusMinutes(1)));
        assertThat(missedEvents("planReviewDone")).isEmpty();
        passTimeTo(plus(given, Duration.ofDays(14).plusMinutes(1)));
        DeadlineMissed missed = missed("planReviewDone");
        assertThat(missed.getTaskKey()).isEqualTo("ReviewProtectionPlan");
        assertThat(missed.getDueAt()).as("when the review was due, not when the timer fired").isEqualTo(plus(given, Duration.ofDays(14)).toInstant());
        assertThat(missed.getEscalatedTo()).containsExactly("supervisors");
        assertThat(task("ReviewProtectionPlan").getId()).as("the review stays open").isEqualTo(review.getId());
    }

    /** Each follow-up review is due one period after it was given, by risk level. */
    @ParameterizedTest
    @CsvSource({"HIGH, 7", "MEDIUM, 14", "LOW, 30"})
    void aFollowUpReviewIsEscalatedJustAfterItsPeriod(String riskLevel, int days) {
        ProcessInstance pi = placed(riskLevel);
        passTime(Duration.ofDays(days).plusMinutes(1));
        Date given = task("ReviewFollowUp").getCreateTime();
        passTimeTo(plus(given, Duration.ofDays(days).minusMinutes(1)));
        assertThat(pi).hasNotPassed("EscalateFollowUpReview");
        passTimeTo(plus(given, Duration.ofDays(days).plusMinutes(1)));
        assertThat(pi).isWaitingAt("ReviewFollowUp", "EscalateFollowUpReview");
        assertThat(missed("followUp").getTaskKey()).isEqualTo("ReviewFollowUp");
        assertThat(missed("followUp").getDueAt()).as("when the review was due, not when the timer fired")
                .isEqualTo(plus(given, Duration.ofDays(days)).toInstant());
    }

    @Test
    void escalatesToSupervisorsWhenFirstContactIsLate() {
        ProcessInstance pi = screened("HIGH");
        passTime(Duration.ofHours(25));
        assertThat(pi).isWaitingAt("MakeFirstContact", "EscalateFirstContact");
        assertThat(groupsOf(task("HandleMissedDeadline"))).containsExactly("supervisors");
        assertPublished("DeadlineMissed", 1);
        DeadlineMissed missed = (DeadlineMissed) kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream()
                .map(r -> CaseEvents.decode(r.value())).filter(DeadlineMissed.class::isInstance).findFirst().orElseThrow();
        assertThat(missed.getTaskKey()).isEqualTo("MakeFirstContact");
        assertThat(missed.getDeadline()).isEqualTo("firstContact");
        assertThat(missed.getEscalatedTo()).containsExactly("supervisors");
        assertThat(missed.getCandidateGroups()).containsExactly("cpu", "emergency-centre");
    }

    @Test
    void firstContactWhenInDangerNowIsLateAfterTwoHours() {
        ProcessInstance pi = report(true, false, "VIOLENCE", 10);
        screen(true, "HIGH", "danger");
        passTime(Duration.ofHours(3));
        assertThat(pi).isWaitingAt("MakeFirstContact", "EscalateFirstContact");
    }

    @Test
    void escalatesWhenTheAssessmentIsLate() {
        ProcessInstance pi = screened("MEDIUM");
        contactMade();
        passTime(Duration.ofDays(8));
        assertThat(pi).isWaitingAt("VisitHomeAndAnalyseRisk", "EscalateAssessment");
        assertPublished("DeadlineMissed", 1);
    }

    @Test
    void escalatesWhenThePlanIsNotApprovedInTime() {
        ProcessInstance pi = screened("LOW");
        contactMade();
        visited("health");
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        met();
        outcome("REMOVAL");
        passTime(Duration.ofDays(31));
        assertThat(pi).isWaitingAt("DraftProtectionPlan", "EscalatePlanApproval");
    }

    @Test
    void escalatesWhenAFollowUpReviewIsLateAndAsksForTheFullPlanReview() {
        ProcessInstance pi = placed("HIGH");
        passTime(Duration.ofDays(8));
        assertThat(pi).isWaitingAt("ReviewFollowUp");
        passTime(Duration.ofDays(8));
        assertThat(pi).isWaitingAt("ReviewFollowUp", "EscalateFollowUpReview");
        passTime(Duration.ofDays(80));
        assertThat(pi).isWaitingAt("ReviewProtectionPlan");

        // Closing the case ends what is still open of it: escalations and plan reviews.
        review(Map.of("requestClosure", true, "closureReason", "REINTEGRATED"));
        complete("ApproveClosure", Map.of("closureApproved", true, "closureComment", "agreed"));
        assertThat(pi).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).count()).isZero();
        // ...and says so, so that no other service goes on listing them as open.
        assertPublished("TaskCancelled", 2);
        assertThat(kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                .filter(e -> e instanceof TaskCancelled).map(e -> ((TaskCancelled) e).getTaskKey()).toList())
                .containsExactlyInAnyOrder("HandleMissedDeadline", "ReviewProtectionPlan");
    }

    // --- follow-up, closure, reopening -----------------------------------------------------------------

    @Test
    void aFullReviewThatFindsThePlanNoLongerFitsHasItRevisedAndApproved() {
        ProcessInstance pi = placed("LOW");
        passTime(Duration.ofDays(96));
        complete("ReviewProtectionPlan", Map.of("planStillAdequate", false));
        assertThat(groupsOf(task("ReviseProtectionPlan"))).containsExactly("cpu");
        complete("ReviseProtectionPlan", Map.of("planReference", "PIM-2"));
        assertThat(groupsOf(task("ApproveRevisedPlan"))).containsExactly("cpu-supervisors");
        complete("ApproveRevisedPlan", Map.of("planApproved", false, "planComment", "add the school's support"));
        complete("ReviseProtectionPlan", Map.of("planReference", "PIM-3"));
        complete("ApproveRevisedPlan", Map.of("planApproved", true));
        assertThat(pi).hasPassed("PublishPlanRevised", "PlanRevised");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(changes(ProtectionPlanApproved.class))
                .extracting(ProtectionPlanApproved::getRevised).containsExactly(false, true));
        assertThat(pi).as("the follow-up goes on").isNotEnded();
    }


    @Test
    void closureRejectedKeepsTheFollowUpGoingAndApprovedClosesTheCase() {
        ProcessInstance pi = placed("MEDIUM");
        passTime(Duration.ofDays(15));
        review(Map.of("requestClosure", true, "closureReason", "SAFE_AT_HOME"));
        complete("ApproveClosure", Map.of("closureApproved", false, "closureComment", "one more visit"));
        assertThat(pi).isWaitingAt("ReviewDue");
        passTime(Duration.ofDays(15));
        review(Map.of("requestClosure", false));
        assertThat(pi).isWaitingAt("ReviewDue");
        passTime(Duration.ofDays(15));
        review(Map.of("requestClosure", true, "closureReason", "REINTEGRATED"));
        complete("ApproveClosure", Map.of("closureApproved", true, "closureComment", "agreed"));
        assertThat(pi).hasPassed("PublishCaseClosed").isEnded();
        assertPublished("FollowUpDone", 3);
        assertPublished("CaseClosed", 1);
        assertThat(changes(PlacementEnded.class)).as("the placement ends with the case").singleElement().satisfies(ended -> {
            assertThat(ended.getMeasure()).isEqualTo("HOME_SUPERVISION");
            assertThat(ended.getReason()).isEqualTo("REINTEGRATED");
        });
    }

    @Test
    void aReopenedCaseStartsTheProcedureAgainWithItsHistory() {
        ProcessInstance first = report(false, false, "NEGLECT", 9);
        screen(false, "LOW", "no risk found");
        assertThat(first).isEnded();

        reopener.caseReopened(CaseReopened.newBuilder().setEnvelope(envelope("CaseReopened")).setReopenedBy("supervisor")
                .setRiskLevel("MEDIUM").build());

        ProcessInstance again = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).active().singleResult();
        assertThat(again).hasPassed("CaseReopened", "ComputeDeadlines").isWaitingAt("MakeFirstContact");
        assertThat(again).variables().containsEntry("riskLevel", "MEDIUM").containsEntry("reportSource", "SCHOOL");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(2);
    }

    // --- versions --------------------------------------------------------------------------------------

    /** A case of the previous version opens the latest forms: their answers are what its gateways read. */
    @Test
    void aCaseOfThePreviousVersionGoesOnWithTheNewFormsAndDeadlines() throws java.io.IOException {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PREVIOUS).count() == 0) {
            repository.createDeployment().name(PREVIOUS).addString(PREVIOUS + ".bpmn",
                    java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/migration/" + PREVIOUS + ".bpmn"))).deploy();
        }
        ProcessInstance pi = report(PREVIOUS, false, false, "NEGLECT", 9);
        screen(true, "MEDIUM", "screened on the old version");
        assertThat(pi).isWaitingAt("MakeFirstContact");
        assertThat(task("MakeFirstContact").getDueDate()).as("first contact counted from the screening")
                .isEqualTo(plus((Date) runtime.getVariable(pi.getId(), "caseScreenedAt"), Duration.ofDays(3)));
        contactMade();
        visited("health");
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        complete("DraftProtectionPlan", Map.of("planReference", "PIM-1"));
        complete("ApproveProtectionPlan", Map.of("planApproved", false, "planComment", "add school support"));
        assertThat(pi).isWaitingAt("DraftProtectionPlan");
    }

    // --- driving the procedure ---------------------------------------------------------------------------

    private ProcessInstance report(boolean immediateDanger, boolean trafficking, String concern, Integer age) {
        return report("emergency-response", immediateDanger, trafficking, concern, age);
    }

    private ProcessInstance report(String procedure, boolean immediateDanger, boolean trafficking, String concern, Integer age) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CASE_ID, caseId);
        variables.put(ProcessVariables.CORRELATION_ID, "test-" + caseId);
        variables.put(ProcessVariables.happenedAt("CaseReported"), ClockUtil.getCurrentTime());
        variables.put(ProcessVariables.REPORT_SOURCE, "SCHOOL");
        variables.put(ProcessVariables.IMMEDIATE_DANGER, immediateDanger);
        variables.put(ProcessVariables.CONCERNS, concern);
        variables.put(ProcessVariables.TRAFFICKING_SUSPECTED, trafficking);
        variables.put(ProcessVariables.UNACCOMPANIED, concern.contains("UNACCOMPANIED"));
        variables.put(ProcessVariables.CHILD_COUNT, 1);
        variables.put(ProcessVariables.YOUNGEST_CHILD_AGE, age);
        return runtime.startProcessInstanceByKey(procedure, caseId, variables);
    }

    private ProcessInstance screened(String riskLevel) {
        ProcessInstance pi = report(false, false, "NEGLECT", 9);
        screen(true, riskLevel, "screened");
        return pi;
    }

    /** A high-risk case's emergency removal, confirmed by the court: the assessment goes on beside it. */
    private void emergencyMeasureConfirmed() {
        complete("TakeEmergencyMeasure", Map.of("emergencyMeasure", "IMMEDIATE_PROTECTION"));
        correlator.correlate(agencyEvent("EmergencyMeasureDecisionRecorded", "CONFIRMED"));
    }

    private ProcessInstance planned(String riskLevel) {
        ProcessInstance pi = screened(riskLevel);
        contactMade();
        if ("HIGH".equals(riskLevel)) {
            emergencyMeasureConfirmed();
        }
        visited("police");
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        met();
        outcome("REMOVAL");
        complete("DraftProtectionPlan", Map.of("planReference", "PIM-1"));
        complete("ApproveProtectionPlan", Map.of("planApproved", true));
        assertThat(pi).isWaitingAt("DecideProtectionMeasure");
        return pi;
    }

    /** Screened, first contact made, the home visit and the technical group done: the assessment's outcome is next. */
    private ProcessInstance assessed(String riskLevel) {
        ProcessInstance pi = screened(riskLevel);
        contactMade();
        if ("HIGH".equals(riskLevel)) {
            emergencyMeasureConfirmed();
        }
        visited("health");
        complete("GiveTechnicalGroupInput", Map.of("inputGiven", true));
        met();
        assertThat(pi).isWaitingAt("DecideAssessmentOutcome");
        return pi;
    }

    /** Assessed at medium risk, the outcome services at home, the plan approved. */
    private ProcessInstance plannedForServicesAtHome(boolean parentsAgree) {
        ProcessInstance pi = assessed("MEDIUM");
        complete("DecideAssessmentOutcome", Map.of("assessmentOutcome", "SERVICES_AT_HOME", "parentsAgree", parentsAgree,
                "assessmentOutcomeReason", "support at home"));
        complete("DraftProtectionPlan", Map.of("planReference", "PIM-1"));
        complete("ApproveProtectionPlan", Map.of("planApproved", true));
        return pi;
    }

    private String closedWith() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertPublished("CaseClosed", 1));
        return changes(CaseClosed.class).get(0).getReason();
    }

    /** The case changes of one type the procedure published for this case, oldest first. */
    private <T extends SpecificRecord> List<T> changes(Class<T> type) {
        return kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                .filter(type::isInstance).map(type::cast).toList();
    }

    private AgencyEventReceived closureRequested(String reason, String why) {
        return AgencyEventReceived.newBuilder().setEnvelope(envelope("AgencyEventReceived")).setKind("ClosureRequested")
                .setAgency("cpu").setOutcome(reason).setAttributes(Map.of("reason", why)).build();
    }

    private ProcessInstance placed(String riskLevel) {
        ProcessInstance pi = planned(riskLevel);
        complete("DecideProtectionMeasure", Map.of("protectionMeasure", "HOME_SUPERVISION"));
        complete("StartPlacement", Map.of("placementStarted", true, "placementStartedOn", "2026-12-01"));
        assertThat(pi).isWaitingAt("ReviewDue");
        return pi;
    }

    /** Screens the report as its form asks: a level other than the suggested one comes with a reason. */
    private void screen(boolean isProtectionCase, String riskLevel, String reason) {
        screen(isProtectionCase, riskLevel, reason, false);
    }

    private void screen(boolean isProtectionCase, String riskLevel, String reason, boolean escort) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("isProtectionCase", isProtectionCase,
                "riskLevel", riskLevel, "screeningReason", reason));
        screenWith(variables, isProtectionCase, riskLevel, escort);
    }

    /** A protection case screened with these answers besides the usual ones. */
    private void screenWith(Map<String, Object> answers, String riskLevel, String reason) {
        Map<String, Object> variables = new java.util.HashMap<>(answers);
        variables.putAll(Map.of("isProtectionCase", true, "riskLevel", riskLevel, "screeningReason", reason));
        screenWith(variables, true, riskLevel, false);
    }

    private void screenWith(Map<String, Object> variables, boolean isProtectionCase, String riskLevel, boolean escort) {
        if (isProtectionCase) {
            variables.put("policeEscortNeeded", escort);
            variables.putIfAbsent("traffickingIndicators", false);
        }
        if (!riskLevel.equals(tasks.getVariable(task("ScreenReport").getId(), "suggestedRiskLevel"))) {
            variables.put("riskOverrideReason", "the screening found otherwise");
        }
        complete("ScreenReport", variables);
    }

    /** The first contact saw the child. */
    private void contactMade() {
        complete("MakeFirstContact", Map.of("childSeen", true, "firstContactOn", "2026-12-01"));
    }

    /** The home visit, at the risk level the case has (reassessed unchanged). */
    private void visited(String technicalGroup) {
        visited(technicalGroup, (String) tasks.getVariable(task("VisitHomeAndAnalyseRisk").getId(), "riskLevel"));
    }

    private void visited(String technicalGroup, String riskLevel) {
        complete("VisitHomeAndAnalyseRisk", Map.of("homeVisitDone", true, "homeVisitOn", "2026-12-01", "riskLevel", riskLevel,
                "traffickingIndicatorsAtVisit", false, "technicalGroupAgencies", technicalGroup));
    }

    /** The technical group meets, with an NGO and the parents. */
    private void met() {
        complete("HoldTechnicalGroupMeeting", Map.of("meetingOn", "2026-12-03", "meetingAgencies", "cpu,health", "justiceAttended", false,
                "ngoAttended", true, "parentsAttended", true, "childAttended", false, "minutesReference", "GTN-1/2026"));
    }

    private void outcome(String outcome) {
        complete("DecideAssessmentOutcome", Map.of("assessmentOutcome", outcome, "assessmentOutcomeReason", "as assessed"));
    }

    /** A follow-up review, at the risk level the case has unless the variables say another. */
    private void review(Map<String, Object> answers) {
        Map<String, Object> variables = new HashMap<>(answers);
        variables.putIfAbsent("riskLevel", tasks.getVariable(task("ReviewFollowUp").getId(), "riskLevel"));
        complete("ReviewFollowUp", variables);
    }

    private Task task(String key) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).list();
        assertThat(found).as("open task " + key).hasSize(1);
        return found.get(0);
    }

    private void complete(String key, Map<String, Object> variables) {
        tasks.complete(task(key).getId(), variables);
    }

    private List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private static Date plus(Date date, Duration duration) {
        return Date.from(date.toInstant().plus(duration));
    }

    /** Moves the engine's clock to that time and runs the timers due by then. */
    private void passTimeTo(Date time) {
        passTime(Duration.between(ClockUtil.getCurrentTime().toInstant(), time.toInstant()));
    }

    /** The one DeadlineMissed published for this case for that deadline. */
    private DeadlineMissed missed(String deadline) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(missedEvents(deadline)).hasSize(1));
        return missedEvents(deadline).get(0);
    }

    private List<DeadlineMissed> missedEvents(String deadline) {
        return kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                .filter(DeadlineMissed.class::isInstance).map(DeadlineMissed.class::cast)
                .filter(e -> e.getDeadline().equals(deadline)).toList();
    }

    /** Moves the engine's clock and runs the timers that are due by then, as the job executor would. */
    private void passTime(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list()) {
                management.executeJob(job.getId());
            }
        }
    }

    /** Waits until the events of that name published for this case on Kafka number exactly {@code count}. */
    private void assertPublished(String eventName, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream()
                        .map(r -> CaseEvents.decode(r.value()))
                        .map(e -> e instanceof CaseStepRecorded step ? step.getName() : e.getSchema().getName())
                        .filter(eventName::equals)
                        .count()).as("published " + eventName).isEqualTo(count));
    }

    private AgencyEventReceived courtDecision(String outcome) {
        return agencyEvent("CourtDecisionRecorded", outcome);
    }

    private AgencyEventReceived agencyEvent(String kind, String outcome) {
        return AgencyEventReceived.newBuilder().setEnvelope(envelope("AgencyEventReceived")).setKind(kind)
                .setAgency("court").setOutcome(outcome).setReference("V-123").build();
    }

    private Envelope envelope(String type) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setEventType(type)
                .setOccurredAt(Instant.now()).setProducer("case-service").setCorrelationId("test-" + caseId).build();
    }
}
