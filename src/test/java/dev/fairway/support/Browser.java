package dev.fairway.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}
 * (which {@code .ci/run} installs), used as they are, so Selenium never downloads anything. Each
 * test saves a screenshot of its steps under {@code target/screenshots/<name>/}.
 */
public final class Browser implements AutoCloseable {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> DRIVER = List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);
    public static final Dimension DESKTOP = new Dimension(1280, 1000);
    public static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path screenshots;
    private int step;

    private int audits;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** A browser whose screenshots go to {@code target/screenshots/<name>/}; the test is skipped, loudly, without Chromium. */
    public static Browser start(String name) {
        Optional<Path> chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst();
        Optional<Path> chromedriver = DRIVER.stream().filter(Files::isExecutable).findFirst();
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String why = "SKIPPED: no Chromium here (looked for " + CHROMIUM + " and " + DRIVER
                    + "); .ci/run installs Debian's chromium and chromium-driver";
            System.err.println("\n*** " + why + " ***\n");
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        Path screenshots = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(new ChromeDriver(service, options), screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(RuntimeException.class).until(condition);
    }

    /** As {@link #await(String, Function)}, waiting at most {@code limit}. */
    public <T> T await(String what, java.time.Duration limit, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, limit).withMessage(what).ignoring(RuntimeException.class).until(condition);
    }

    /**
     * Saves the page as {@code <nn>-<name>.png}, and checks it with axe-core's accessibility
     * rules: every state a test shows is one a user meets, and must have no violation.
     */
    public void screenshot(String name) {
        audit(name);
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
        try {
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with what axe-core found when the page, as it is now, violates any of its rules. */
    public void audit(String state) {
        Results results = new AxeBuilder().analyze(driver);
        audits++;
        List<String> violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found " + violations.size() + " violation(s) on '" + state + "': "
                    + String.join("; ", violations));
        }
    }

    /** How many page states axe-core checked. */
    public int audits() {
        return audits;
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
