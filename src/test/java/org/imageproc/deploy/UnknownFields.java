package org.imageproc.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Fields a model class did not know: fabric8 and the Camel K CRD classes keep them in additionalProperties instead
 * of failing, so a misspelt field (readinesProbe) would parse silently. Lists the path of each.
 */
final class UnknownFields {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model", "org.apache.camel.v1");

    private UnknownFields() {
    }

    /** Paths of unknown fields under the object; the classes named are free-form by design and skipped. */
    static List<String> in(Object object, Set<Class<?>> freeForm) {
        List<String> found = new ArrayList<>();
        walk(object, "", freeForm, found);
        return found;
    }

    private static void walk(Object object, String path, Set<Class<?>> freeForm, List<String> found) {
        if (object instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", freeForm, found);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, freeForm, found));
            return;
        }
        if (object == null || !isModel(object.getClass()) || freeForm.contains(object.getClass())) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, object);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()
                        && !(object instanceof GenericKubernetesResource)) {
                    found.add(path + " " + extra.keySet());
                }
            } else {
                walk(value, path + "." + property(getter), freeForm, found);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return MODEL_PACKAGES.stream().anyMatch(type.getName()::startsWith);
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object object) {
        try {
            return getter.invoke(object);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // computed getters of CustomResource (plural, CRD name) may refuse; they hold no parsed field
            return null;
        }
    }
}
