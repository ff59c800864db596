package io.github.hotpatch.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A small portable tool for process tests, instead of {@code sh -c} one-liners. Each argument is one step, run in
 * order: {@code out:TEXT} prints a line on stdout, {@code err:TEXT} on stderr, {@code lines:N} prints line1..lineN,
 * {@code sleep:MILLIS} sleeps, {@code spawn:MILLIS} starts a second JVM that inherits this one's output and sleeps
 * (printing {@code child PID}), {@code exit:N} exits with N.
 */
public final class Tool {
    private Tool() {}

    public static void main(String[] args) throws Exception {
        List<Process> children = new ArrayList<>();
        for (String step : args) {
            int colon = step.indexOf(':');
            String verb = step.substring(0, colon);
            String value = step.substring(colon + 1);
            switch (verb) {
                case "out" -> System.out.println(value);
                case "err" -> {
                    System.out.flush();
                    System.err.println(value);
                    System.err.flush();
                }
                case "lines" -> {
                    for (int i = 1; i <= Integer.parseInt(value); i++) {
                        System.out.println("line" + i);
                    }
                }
                case "sleep" -> {
                    System.out.flush();
                    Thread.sleep(Long.parseLong(value));
                }
                case "spawn" -> {
                    Process child = new ProcessBuilder(JavaMain.command(Tool.class, "sleep:" + value))
                            .inheritIO()
                            .start();
                    children.add(child);
                    System.out.println("child " + child.pid());
                }
                case "exit" -> {
                    System.out.flush();
                    System.exit(Integer.parseInt(value));
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
            System.out.flush();
        }
    }
}
