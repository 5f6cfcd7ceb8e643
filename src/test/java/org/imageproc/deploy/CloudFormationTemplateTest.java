package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageproc.deploy.CloudFormation.list;
import static org.imageproc.deploy.CloudFormation.map;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.catalog.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** The AWS template against the service's own descriptions: the tables, the queues, the bucket's events, the role. */
class CloudFormationTemplateTest {

    private final CloudFormation template = CloudFormation.read();

    @Test
    void tablesAreTheOnesTheServiceDescribes() {
        CreateTableRequest images = table("ImageTable");
        CreateTableRequest albums = table("AlbumTable");
        CreateTableRequest labels = table("LabelTable");
        CreateTableRequest jobs = table("JobTable");

        assertThat(List.of(images, albums, labels, jobs)).isEqualTo(Tables.definitions(images.tableName(),
                albums.tableName(), labels.tableName(), jobs.tableName()));
        assertThat(jobs.tableName()).endsWith("-" + AppProperties.value("imageproc.table.jobs"));
        assertThat(images.tableName()).endsWith("-" + AppProperties.value("imageproc.table.images"));
        assertThat(albums.tableName()).endsWith("-" + AppProperties.value("imageproc.table.albums"));
        assertThat(labels.tableName()).endsWith("-" + AppProperties.value("imageproc.table.labels"));
    }

    @Test
    void queueKeepsMessagesInvisibleAsLongAsTheConsumerAsksAndMovesPoisonToTheDeadLetterQueue() {
        Map<String, Object> queue = template.properties("EventQueue");
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));

        assertThat(queue.get("VisibilityTimeout"))
                .isEqualTo(AppProperties.number("imageproc.sqs.visibility-timeout-seconds"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(LocalStackSettings.MAX_RECEIVE_COUNT);
        assertThat(redrive.get("deadLetterTargetArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "Arn")));
        assertThat(template.substituteDefaults(queue.get("QueueName")))
                .endsWith("-" + AppProperties.value("imageproc.queue"));
        assertThat(template.substituteDefaults(template.properties("DeadLetterQueue").get("QueueName")))
                .endsWith("-" + AppProperties.value("imageproc.dead-letter-queue"));
    }

    @Test
    void bucketAnnouncesEveryUploadUnderIncomingToTheQueue() {
        Map<String, Object> bucket = template.properties("PhotoBucket");
        Map<String, Object> notification = map(list(map(bucket.get("NotificationConfiguration"))
                .get("QueueConfigurations")).get(0));
        Map<String, Object> rule = map(list(map(map(notification.get("Filter")).get("S3Key")).get("Rules")).get(0));

        assertThat(notification.get("Event")).isEqualTo("s3:ObjectCreated:*");
        assertThat(notification.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", List.of("EventQueue", "Arn")));
        assertThat(rule).containsEntry("Name", "prefix")
                .containsEntry("Value", AppProperties.value("imageproc.incoming-prefix"));
        assertThat(template.resource("PhotoBucket").get("DependsOn")).isEqualTo("EventQueuePolicy");

        Map<String, Object> allow = map(list(map(template.properties("EventQueuePolicy").get("PolicyDocument"))
                .get("Statement")).get(0));
        assertThat(allow).containsEntry("Principal", Map.of("Service", "s3.amazonaws.com"))
                .containsEntry("Action", "sqs:SendMessage");
        String source = (String) map(map(map(allow.get("Condition")).get("ArnLike")).get("aws:SourceArn")).get("Fn::Sub");
        assertThat(source).endsWith((String) map(bucket.get("BucketName")).get("Fn::Sub"));
    }

    @Test
    void bucketIsPrivateAndLetsTheWebAppsBrowserUpload() {
        Map<String, Object> bucket = template.properties("PhotoBucket");
        Map<String, Object> cors = map(list(map(bucket.get("CorsConfiguration")).get("CorsRules")).get(0));

        assertThat(map(bucket.get("PublicAccessBlockConfiguration")).values()).containsOnly(true).hasSize(4);
        assertThat(list(cors.get("AllowedMethods"))).containsExactlyInAnyOrder("POST", "GET");
        assertThat(list(cors.get("AllowedOrigins"))).containsExactly(Map.of("Ref", "WebOrigin"));
        assertThat(list(cors.get("AllowedHeaders"))).containsExactly("*");
    }

    @Test
    void policyNamesOnlyTheTemplatesResourcesAndObjectPrefixes() {
        List<Object> statements = list(map(template.properties("ServicePolicy").get("PolicyDocument")).get("Statement"));
        List<String> prefixes = List.of(AppProperties.value("imageproc.incoming-prefix"),
                AppProperties.value("imageproc.thumbnail.prefix"));

        assertThat(statements).allSatisfy(statement -> {
            Map<String, Object> s = map(statement);
            assertThat(s.get("Effect")).isEqualTo("Allow");
            for (String resource : IamGrants.resources(s.get("Resource"))) {
                if (resource.equals("*")) {
                    assertThat(list(s.get("Action"))).as("only DetectLabels has no resource")
                            .containsExactly("rekognition:DetectLabels");
                } else if (resource.equals("sqs:*")) {
                    assertThat(list(s.get("Action"))).as("only listing on the account's queues")
                            .containsExactly("sqs:ListQueues");
                } else if (resource.startsWith("PhotoBucket/")) {
                    assertThat(prefixes).anyMatch(prefix -> resource.equals("PhotoBucket/" + prefix + "*"));
                } else {
                    assertThat(resource.split("/")[0]).isIn("PhotoBucket", "EventQueue", "DeadLetterQueue", "ImageTable",
                            "AlbumTable", "LabelTable", "JobTable");
                }
            }
        });
    }

    @Test
    void roleTrustsOnlyTheServiceAccountsWebIdentityFromTheClustersProvider() throws Exception {
        List<Object> sub = list(map(template.properties("ServiceRole").get("AssumeRolePolicyDocument")).get("Fn::Sub"));
        JsonNode trust = new ObjectMapper().readTree((String) sub.get(0));
        JsonNode statement = trust.path("Statement");

        assertThat(statement).hasSize(1);
        assertThat(statement.get(0).path("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.get(0).path("Principal").path("Federated").asText()).isEqualTo("${OidcProviderArn}");
        JsonNode equals = statement.get(0).path("Condition").path("StringEquals");
        assertThat(equals.path("${Issuer}:sub").asText())
                .isEqualTo("system:serviceaccount:${Namespace}:${ServiceAccountName}");
        assertThat(equals.path("${Issuer}:aud").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(template.properties("ServiceRole").get("ManagedPolicyArns"))
                .isEqualTo(List.of(Map.of("Ref", "ServicePolicy")));
        assertThat(template.parameterDefault("ServiceAccountName")).isEqualTo(
                Manifests.only(Manifests.BASE, ServiceAccount.class)
                        .getMetadata().getName());
    }

    @Test
    void kedasOperatorMayOnlyReadTheQueueDepth() {
        Map<String, Object> policy = template.properties("QueueDepthPolicy");
        Map<String, Object> statement = map(list(map(policy.get("PolicyDocument")).get("Statement")).get(0));

        assertThat(list(map(policy.get("PolicyDocument")).get("Statement"))).hasSize(1);
        assertThat(statement).containsEntry("Action", "sqs:GetQueueAttributes")
                .containsEntry("Resource", Map.of("Fn::GetAtt", List.of("EventQueue", "Arn")));
        assertThat(policy.get("Roles")).isEqualTo(Map.of("Fn::If", List.of("HasKedaOperatorRole",
                List.of(Map.of("Ref", "KedaOperatorRoleName")), Map.of("Ref", "AWS::NoValue"))));
    }

    private CreateTableRequest table(String logicalId) {
        Map<String, Object> table = template.properties(logicalId);
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(template.substituteDefaults(table.get("TableName")))
                .billingMode((String) table.get("BillingMode"))
                .attributeDefinitions(list(table.get("AttributeDefinitions")).stream().map(CloudFormation::map)
                        .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build()).toList())
                .keySchema(keys(table.get("KeySchema")));
        if (!table.containsKey("GlobalSecondaryIndexes")) {
            return request.build();
        }
        return request.globalSecondaryIndexes(list(table.get("GlobalSecondaryIndexes")).stream()
                        .map(CloudFormation::map)
                        .map(index -> GlobalSecondaryIndex.builder().indexName((String) index.get("IndexName"))
                                .keySchema(keys(index.get("KeySchema")))
                                .projection(Projection.builder().projectionType(
                                        (String) map(index.get("Projection")).get("ProjectionType")).build())
                                .build()).toList())
                .build();
    }

    private static List<KeySchemaElement> keys(Object schema) {
        return list(schema).stream().map(CloudFormation::map)
                .map(key -> KeySchemaElement.builder().attributeName((String) key.get("AttributeName"))
                        .keyType((String) key.get("KeyType")).build()).toList();
    }
}
