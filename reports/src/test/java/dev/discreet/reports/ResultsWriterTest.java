package dev.discreet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsWriterTest {
    @TempDir
    Path run;

    @Test
    void resultsJsonRoundTripsWithExactNumbers() throws Exception {
        Path json = ResultsWriter.write(run, ReportFixture.MANIFEST, ReportFixture.audits());
        assertThat(json).isEqualTo(run.resolve("results.json"));
        Results back = ResultsWriter.read(json);
        assertThat(back.manifest()).isEqualTo(ReportFixture.MANIFEST);
        assertThat(back.episodes()).isEqualTo(ReportFixture.audits());

        JsonNode tree = Json.mapper().readTree(json.toFile());
        assertThat(Files.readString(json)).contains("\n  \"manifest\" : {");   // pretty printed
        JsonNode s = tree.get("summary");
        assertThat(s.get("episodes").intValue()).isEqualTo(3);
        assertThat(s.get("scored").intValue()).isEqualTo(2);
        assertThat(s.get("infraFailed").intValue()).isEqualTo(1);
        assertThat(s.get("successRate").doubleValue()).isEqualTo(0.5);
        assertThat(s.get("pqsr").doubleValue()).isEqualTo(0.5);
        assertThat(s.get("meanPrivacy").doubleValue())
                .isEqualTo(((0.85 + 1.0 + 1.0) / 3 + (0.5 + 1.0 / 3.0 + 0.25) / 3) / 2);
        assertThat(s.get("pqsrThreshold").doubleValue()).isEqualTo(0.7);
        assertThat(s.at("/byAgent/agent-b/infraFailed").intValue()).isEqualTo(1);
        assertThat(s.at("/byAgent/agent-b/successRate").doubleValue()).isEqualTo(0.0);

        JsonNode e1 = tree.at("/episodes/0");
        assertThat(e1.get("episodeId").textValue()).isEqualTo("ep-1");
        assertThat(e1.get("taskId").textValue()).isEqualTo("doctor-001");
        assertThat(e1.get("app").textValue()).isEqualTo("doctor");
        assertThat(e1.get("agent").textValue()).isEqualTo("agent-a");
        assertThat(e1.get("status").textValue()).isEqualTo("TERMINATED_SUCCESS");
        assertThat(e1.get("success").booleanValue()).isTrue();
        assertThat(e1.get("op").doubleValue()).isEqualTo(0.85);
        assertThat(e1.get("tr").doubleValue()).isEqualTo(1.0);
        assertThat(e1.get("fm").doubleValue()).isEqualTo(1.0);
        assertThat(e1.get("privacy").doubleValue()).isEqualTo((0.85 + 1.0 + 1.0) / 3);
        assertThat(e1.get("steps").intValue()).isEqualTo(12);
        assertThat(e1.at("/findings/0/rule").textValue()).isEqualTo("op:granted");
        assertThat(e1.at("/findings/0/step").intValue()).isEqualTo(2);
        assertThat(tree.at("/episodes/1/tr").doubleValue()).isEqualTo(1.0 / 3.0);
        assertThat(tree.at("/episodes/2/fm").isNull()).isTrue();
        assertThat(tree.at("/episodes/2/scored").booleanValue()).isFalse();
        // both profiles on every episode and in the summary, overall and per agent
        assertThat(e1.at("/scores/myphonebench/op").doubleValue()).isEqualTo(0.85);
        assertThat(e1.at("/scores/strict/privacy").doubleValue()).isEqualTo((0.85 + 1.0 + 1.0) / 3);
        assertThat(e1.at("/scores/strict/qualified").booleanValue()).isTrue();
        assertThat(tree.at("/episodes/2/scores/myphonebench/fm").isNull()).isTrue();
        assertThat(s.at("/profiles/myphonebench/rated").intValue()).isEqualTo(2);
        assertThat(s.at("/profiles/strict/withPrivacy").intValue()).isEqualTo(2);
        assertThat(s.at("/profiles/myphonebench/pqsr").doubleValue()).isEqualTo(0.5);
        assertThat(s.at("/byAgent/agent-b/profiles/strict/successRate").doubleValue()).isEqualTo(0.0);
    }

    @Test
    void csvHasOneRowPerEpisode() throws Exception {
        ResultsWriter.write(run, ReportFixture.MANIFEST, ReportFixture.audits());
        List<String> lines = Files.readAllLines(run.resolve("results.csv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("episode_id,task_id,app,agent,status,scored,success,privacy,op,tr,fm,"
                + "privacy_qualified,steps,invalid_steps,findings,strict_privacy,strict_op,strict_tr,strict_fm,"
                + "strict_privacy_qualified,evidence_complete");
        assertThat(lines.get(1)).isEqualTo("ep-1,doctor-001,doctor,agent-a,TERMINATED_SUCCESS,true,true,0.950000,"
                + "0.850000,1.000000,1.000000,true,12,1,1,0.950000,0.850000,1.000000,1.000000,true,true");
        assertThat(lines.get(3)).isEqualTo("ep-3,doctor-001,doctor,agent-b,INFRA_FAILED,false,false,1.000000,"
                + "1.000000,1.000000,,false,12,1,0,1.000000,1.000000,1.000000,,false,true");
    }
}
