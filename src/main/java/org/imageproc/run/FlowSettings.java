package org.imageproc.run;

/** Checks the settings a step takes from the flow's variables, which process-image.yaml sets from the properties. */
public final class FlowSettings {

    private FlowSettings() {
    }

    /** The value, or a clear error naming the variable the flow forgot to set. */
    public static <T> T require(String variable, T value) {
        if (value == null) {
            throw new IllegalStateException("The flow sets no '" + variable + "' variable; process-image.yaml sets"
                    + " it (setVariables) before the step that needs it");
        }
        return value;
    }
}
