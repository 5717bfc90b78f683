package dev.kelas.runtime.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static ObjectNode info() {
        return JSON.createObjectNode().put("title", "Kelas API").put("version", "1");
    }

    @Test
    void shouldUniteThePathsAndNameTheServiceOfEachOperation() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("auth-service", doc("{'openapi':'3.1.0','paths':{'/api/v1/users':{'get':{'summary':'List'}},"
                + "'/api/v1/shared':{'get':{'summary':'A'}}},'tags':[{'name':'Users'}]}"));
        documents.put("lab-service", doc("{'openapi':'3.1.0','paths':{'/api/v1/lab/tasks':{'post':{'summary':'Create'}},"
                + "'/api/v1/shared':{'post':{'summary':'B'}}},'tags':[{'name':'Lab'},{'name':'Users'}]}"));
        JsonNode merged = OpenApiMerger.merge(info(), documents);
        assertEquals("3.1.0", merged.path("openapi").asText());
        assertEquals("Kelas API", merged.path("info").path("title").asText());
        assertEquals("auth-service", merged.at("/paths/~1api~1v1~1users/get/x-kelas-service").asText());
        assertEquals("lab-service", merged.at("/paths/~1api~1v1~1lab~1tasks/post/x-kelas-service").asText());
        assertEquals("A", merged.at("/paths/~1api~1v1~1shared/get/summary").asText());
        assertEquals("B", merged.at("/paths/~1api~1v1~1shared/post/summary").asText());
        assertEquals(List.of("Lab", "Users"), merged.path("tags").findValuesAsText("name"));
    }

    @Test
    void shouldKeepAlikeComponentsOnceAndQualifyDifferentOnesWithTheirRefs() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("auth-service", doc("{'paths':{'/a':{'get':{'responses':{'200':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},'components':{'schemas':{"
                + "'Problem':{'type':'object'},'Page':{'type':'object','properties':{'users':{'type':'array'}}}}}}"));
        documents.put("lab-service", doc("{'paths':{'/b':{'get':{'responses':{'200':{'content':{'application/json':"
                + "{'schema':{'type':'array','items':{'$ref':'#/components/schemas/Page'}}}}}}}}},'components':{'schemas':{"
                + "'Problem':{'type':'object'},'Page':{'type':'object','properties':{'tasks':{'type':'array'}}}}}}"));
        JsonNode merged = OpenApiMerger.merge(info(), documents);
        JsonNode schemas = merged.path("components").path("schemas");
        assertTrue(schemas.has("Problem"), "alike components stay under their own name");
        assertFalse(schemas.has("Page"), "different components are qualified");
        assertTrue(schemas.path("auth-service.Page").path("properties").has("users"));
        assertTrue(schemas.path("lab-service.Page").path("properties").has("tasks"));
        assertEquals("#/components/schemas/auth-service.Page",
                merged.at("/paths/~1a/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/lab-service.Page",
                merged.at("/paths/~1b/get/responses/200/content/application~1json/schema/items/$ref").asText());
    }

    @Test
    void shouldRefuseTwoServicesAnsweringTheSameOperation() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("auth-service", doc("{'paths':{'/x':{'get':{}}}}"));
        documents.put("lab-service", doc("{'paths':{'/x':{'get':{}}}}"));
        IllegalStateException clash = assertThrows(IllegalStateException.class, () -> OpenApiMerger.merge(info(), documents));
        assertTrue(clash.getMessage().contains("GET /x"), clash.getMessage());
    }
}
