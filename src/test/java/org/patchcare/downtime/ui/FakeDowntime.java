package org.patchcare.downtime.ui;

import org.patchcare.downtime.application.BlackoutCommand;
import org.patchcare.downtime.application.BlackoutService;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.downtime.application.DowntimeViews.CalendarFeedView;
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.application.RedundancyGroupCommand;
import org.patchcare.downtime.application.RedundancyGroupService;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.shared.domain.ConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The downtime services answering from lists the test fills, and remembering what the screens asked. */
final class FakeDowntime {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    final List<WindowView> windows = new ArrayList<>();
    final List<WindowFilter> filters = new ArrayList<>();
    final List<CalendarFeedView> feeds = new ArrayList<>();
    final List<BlackoutView> blackouts = new ArrayList<>();
    final List<RedundancyGroupView> groups = new ArrayList<>();
    /** "createFeed ED", "revokeFeed f1", "create …", "update id@version …", "delete id@version", "list …". */
    final List<String> calls = new ArrayList<>();
    final List<BlackoutCommand> blackoutCommands = new ArrayList<>();
    final List<RedundancyGroupCommand> groupCommands = new ArrayList<>();
    /** The next update is refused as a stale edit. */
    boolean stale;

    final CalendarService calendar = new CalendarService() {
        @Override
        public List<WindowView> windows(WindowFilter filter) {
            filters.add(filter);
            return windows.stream().filter(w -> w.start().isBefore(filter.to()) && w.end().isAfter(filter.from()))
                    .filter(w -> filter.statuses() == null || filter.statuses().contains(w.status())).toList();
        }

        @Override
        public CalendarFeedView createFeed(String departmentCode) {
            calls.add("createFeed " + departmentCode);
            CalendarFeedView f = new CalendarFeedView("f" + (feeds.size() + 1), departmentCode, departmentCode + " ward",
                    NOW, null, "https://patchcare.example/api/calendar/feeds/secret-token.ics");
            feeds.add(new CalendarFeedView(f.id(), departmentCode, f.departmentName(), NOW, null, null));
            return f;
        }

        @Override
        public List<CalendarFeedView> myFeeds() {
            return List.copyOf(feeds);
        }

        @Override
        public void revokeFeed(String id) {
            calls.add("revokeFeed " + id);
            feeds.removeIf(f -> f.id().equals(id));
        }
    };

    final BlackoutService blackoutService = new BlackoutService() {
        @Override
        public List<BlackoutView> list(String departmentCode) {
            calls.add("list " + departmentCode);
            return blackouts.stream().filter(b -> departmentCode == null || departmentCode.equals(b.departmentCode()))
                    .toList();
        }

        @Override
        public BlackoutView create(BlackoutCommand c) {
            blackoutCommands.add(c);
            calls.add("create " + c.title());
            return view("new", c, 0);
        }

        @Override
        public BlackoutView update(String id, Integer version, BlackoutCommand c) {
            if (stale) {
                throw ConflictException.staleEdit("Blackout window", c.title());
            }
            blackoutCommands.add(c);
            calls.add("update " + id + "@" + version + " " + c.title());
            return view(id, c, version + 1);
        }

        @Override
        public void delete(String id, Integer version) {
            calls.add("delete " + id + "@" + version);
        }

        private BlackoutView view(String id, BlackoutCommand c, int version) {
            return new BlackoutView(id, c.departmentCode(), c.departmentCode(), c.title(), c.recurring(), c.days(),
                    c.localStart(), c.localEnd(), c.firstDay(), c.lastDay(), c.active(), version);
        }
    };

    final RedundancyGroupService groupService = new RedundancyGroupService() {
        @Override
        public List<RedundancyGroupView> list() {
            calls.add("list groups");
            return List.copyOf(groups);
        }

        @Override
        public RedundancyGroupView create(RedundancyGroupCommand c) {
            groupCommands.add(c);
            return new RedundancyGroupView("g-new", c.name(), c.departmentCode(), c.minimumAvailable(), c.assetTags(),
                    c.assetTags().size(), 0);
        }

        @Override
        public RedundancyGroupView update(String id, Integer version, RedundancyGroupCommand c) {
            groupCommands.add(c);
            calls.add("update " + id + "@" + version);
            return new RedundancyGroupView(id, c.name(), c.departmentCode(), c.minimumAvailable(), c.assetTags(),
                    c.assetTags().size(), version + 1);
        }
    };
}
