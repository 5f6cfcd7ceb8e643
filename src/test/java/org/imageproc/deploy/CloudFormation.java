package org.imageproc.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The CloudFormation template as maps and lists, its short-form functions (!Ref, !GetAtt, !Sub...) turned into the
 * long form CloudFormation itself uses ({"Ref": x}, {"Fn::GetAtt": [resource, attribute]}).
 */
final class CloudFormation {

    static final Path TEMPLATE = Path.of("aws/imageproc.yaml");

    private static final List<String> FUNCTIONS = List.of("Ref", "GetAtt", "Sub", "Join", "Select", "Split", "If",
            "Not", "Equals", "And", "Or", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Condition");

    private final Map<String, Object> template;

    private CloudFormation(Map<String, Object> template) {
        this.template = template;
    }

    static CloudFormation read() {
        return new CloudFormation(new Yaml(new Functions(new LoaderOptions())).load(Manifests.text(TEMPLATE)));
    }

    /** The Properties of the resource with this logical id. */
    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(map(template.get("Resources")).get(logicalId));
        if (resource == null) {
            throw new AssertionError("the template has no resource " + logicalId);
        }
        return resource;
    }

    /** A parameter's default value. */
    String parameterDefault(String name) {
        return (String) map(map(template.get("Parameters")).get(name)).get("Default");
    }

    /** A !Sub string with only parameters in it, filled with their defaults. */
    String substituteDefaults(Object sub) {
        return substitute(sub, Map.of());
    }

    /** A !Sub string filled with the parameters' defaults and the given pseudo parameters (AWS::Region...). */
    String substitute(Object sub, Map<String, String> pseudo) {
        String text = (String) map(sub).get("Fn::Sub");
        for (String parameter : map(template.get("Parameters")).keySet()) {
            text = text.replace("${" + parameter + "}", String.valueOf(parameterDefault(parameter)));
        }
        for (Map.Entry<String, String> value : pseudo.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> items ? (List<Object>) items : List.of(value);
    }

    /** SnakeYAML's safe constructor plus one construct per intrinsic function tag. */
    private static final class Functions extends SafeConstructor {

        Functions(LoaderOptions options) {
            super(options);
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Function(function));
            }
        }

        private final class Function extends AbstractConstruct {

            private final String name;

            Function(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (name.equals("GetAtt") && value instanceof String dotted) {
                    value = List.of(dotted.split("\\.", 2));
                }
                return Map.of(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
            }
        }
    }
}
