package org.caseflow.workflow;

import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's history of a case is removed once its process ended longer ago than the model's time to live. */
class HistoryRetentionTest extends WorkflowIntegrationTest {

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void theHistoryOfAnEndedProcessIsRemovedAfterItsTimeToLiveByTheNightlyCleanUp() {
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(history.findHistoryCleanupJobs()).as("scheduled at start").isNotEmpty();
        repository.createDeployment().name("ttl-demo").addString("ttl-demo.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="caseflow">
                  <bpmn:process id="ttl-demo" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/>
                    <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End"/>
                  </bpmn:process>
                </bpmn:definitions>""").deploy();
        ProcessInstance ended = runtime.startProcessInstanceByKey("ttl-demo");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).count()).isOne();

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2L * 24 * 3600 * 1000));
        management.executeJob(history.cleanUpHistoryAsync(true).getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
    }
}
