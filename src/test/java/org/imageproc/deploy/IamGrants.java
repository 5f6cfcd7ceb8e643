package org.imageproc.deploy;

import static org.imageproc.deploy.CloudFormation.list;
import static org.imageproc.deploy.CloudFormation.map;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the template's service policy allows, as "action on resource" with resources named by the template's logical
 * ids ("s3:GetObject on PhotoBucket/Incoming/*", "dynamodb:Query on ImageTable/index/...").
 */
final class IamGrants {

    private IamGrants() {
    }

    static Set<String> of(CloudFormation template) {
        Set<String> grants = new TreeSet<>();
        for (Object statement : list(map(template.properties("ServicePolicy").get("PolicyDocument")).get("Statement"))) {
            Map<String, Object> s = map(statement);
            for (Object action : list(s.get("Action"))) {
                for (String resource : resources(s.get("Resource"))) {
                    grants.add(action + " on " + resource);
                }
            }
        }
        return grants;
    }

    /**
     * A statement's resources: !GetAtt X.Arn is X, !Sub ${X.Arn}/rest is X/rest, the account's queues
     * (arn:...:sqs:region:account:*) are sqs:*, and "*" stays.
     */
    static List<String> resources(Object resource) {
        return list(resource).stream().map(IamGrants::resource).toList();
    }

    private static String resource(Object expression) {
        if (expression instanceof String literal) {
            return literal;
        }
        Map<String, Object> function = map(expression);
        if (function.containsKey("Fn::GetAtt")) {
            return (String) list(function.get("Fn::GetAtt")).get(0);
        }
        return ((String) function.get("Fn::Sub")).replaceAll("\\$\\{(\\w+)\\.Arn}", "$1")
                .replace("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:", "sqs:");
    }
}
