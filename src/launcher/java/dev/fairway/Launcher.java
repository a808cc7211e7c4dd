package dev.fairway;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that any Java from 8 on can run it: it checks the
 * Java version before a single class of Fairway (compiled for 21) is loaded, and says in one line
 * what to do, where Java 17 would have died with "UnsupportedClassVersionError ... class file
 * version 65.0". Then it hands over to {@code Fairway.main}.
 */
public final class Launcher {

    static final int NEEDED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version");
        if (major(version) < NEEDED) {
            System.err.println("Fairway needs Java " + NEEDED + " or newer, and this is Java " + version + " at "
                    + System.getProperty("java.home") + ": run the jar with a JDK " + NEEDED + "+ (ls /usr/lib/jvm, or "
                    + "https://adoptium.net), e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 "
                    + "PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH, then java -jar target/fairway.jar");
            System.exit(1);
        }
        try {
            Class.forName("dev.fairway.Fairway").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** "1.8" is 8, "17" is 17, "21.0.1" is 21. */
    static int major(String version) {
        String[] parts = version.split("\\.");
        return Integer.parseInt(parts[0].equals("1") && parts.length > 1 ? parts[1] : parts[0]);
    }
}
