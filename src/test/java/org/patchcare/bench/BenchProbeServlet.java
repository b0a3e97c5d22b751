package org.patchcare.bench;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.PageRequest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only servlet of the benchmark deployment (never in the product WAR):
 * <ul>
 *   <li>{@code POST /bench-probe/heap/reset}: GC, reset the heap pools' peaks and start sampling used heap every 20 ms;</li>
 *   <li>{@code GET /bench-probe/heap/peak}: "sampledPeak poolPeakSum baseline" in bytes;</li>
 *   <li>{@code GET /bench-probe/list?text=..&sort=..&warmup=N&samples=N}: times {@link DeviceService#list} in the server
 *       (first page of 50, active devices) and returns one duration in microseconds per line.</li>
 * </ul>
 * Called with HTTP Basic credentials, so the service sees a real user with a role.
 */
@WebServlet("/bench-probe/*")
public class BenchProbeServlet extends HttpServlet {

    /** How long one search case of the list benchmark may take, warm-up and samples together. */
    static final long CASE_BUDGET_NANOS = 60_000_000_000L;


    private static final AtomicLong SAMPLED_PEAK = new AtomicLong();
    private static volatile long baseline;
    private static volatile Thread sampler;

    @Inject
    DeviceService devices;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/heap/reset".equals(req.getPathInfo())) {
            resp.sendError(404);
            return;
        }
        stopSampler();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        baseline = used();
        SAMPLED_PEAK.set(baseline);
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                SAMPLED_PEAK.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        t.setDaemon(true);
        t.start();
        sampler = t;
        resp.setContentType("text/plain");
        resp.getWriter().print(baseline);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        if ("/heap/peak".equals(req.getPathInfo())) {
            stopSampler();
            long poolPeaks = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    poolPeaks += pool.getPeakUsage().getUsed();
                }
            }
            resp.getWriter().print(SAMPLED_PEAK.get() + " " + poolPeaks + " " + baseline + " "
                    + Runtime.getRuntime().maxMemory());
            return;
        }
        if ("/list".equals(req.getPathInfo())) {
            String text = req.getParameter("text");
            String sort = req.getParameter("sort");
            boolean asc = !"false".equals(req.getParameter("asc"));
            int warmup = Integer.parseInt(req.getParameter("warmup"));
            int samples = Integer.parseInt(req.getParameter("samples"));
            DeviceFilter filter = DeviceFilter.none().withText(text);
            PageRequest page = new PageRequest(0, 50, sort, asc);
            int found = 0;
            // a case that turns out slow is not repeated for ever: each case gets a time budget, and a slow case
            // reports the samples it managed (at least one)
            long budgetEnd = System.nanoTime() + CASE_BUDGET_NANOS;
            for (int i = 0; i < warmup && System.nanoTime() < budgetEnd; i++) {
                found = devices.list(filter, page).size();
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < samples && (micros.isEmpty() || System.nanoTime() < budgetEnd); i++) {
                long t0 = System.nanoTime();
                found = devices.list(filter, page).size();
                micros.add((System.nanoTime() - t0) / 1000);
            }
            StringBuilder sb = new StringBuilder("rows=" + found + "\n");
            micros.forEach(m -> sb.append(m).append('\n'));
            resp.getWriter().print(sb);
            return;
        }
        resp.sendError(404, "unknown probe " + req.getPathInfo() + "; see " + Arrays.toString(new String[]{"/heap/peak", "/list"}));
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void stopSampler() {
        Thread t = sampler;
        if (t != null) {
            t.interrupt();
            sampler = null;
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }
}
