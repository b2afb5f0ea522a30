// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.debug.ui.ILaunchConfigurationTabGroup;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/** The tab group of "RSM Cluster Application", created from its extension on a shell, driven like a user. */
class ClusterTabGroupTest {
    private Shell shell;
    private ILaunchConfigurationTabGroup group;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeAll
    static void project() throws Exception {
        javaProject("tabsdemo", Map.of("demo/Main.java", """
                package demo;
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("RESULT " + org.rsmworkbench.rsmapi.Rsm.PERM_READ);
                    }
                }
                """));
    }

    @BeforeEach
    void open() throws Exception {
        IConfigurationElement element = Arrays.stream(Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.debug.ui.launchConfigurationTabGroups"))
                .filter(e -> RsmLaunching.LAUNCH_CONFIGURATION_TYPE.equals(e.getAttribute("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no tab group for the cluster launch type"));
        group = (ILaunchConfigurationTabGroup) element.createExecutableExtension("class");
        group.createTabs(Ui.dialog("debug"), "debug");
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 800);
        for (ILaunchConfigurationTab tab : group.getTabs()) {
            tab.setLaunchConfigurationDialog(Ui.dialog("debug"));
            Composite page = new Composite(shell, SWT.NONE);
            page.setLayout(new FillLayout());
            tab.createControl(page);
            assertNotNull(tab.getControl(), tab.getName());
        }
        shell.open();
        config = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE)
                .newInstance(null, "tabs");
        group.setDefaults(config);
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "tabsdemo");
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Main");
        group.initializeFrom(config);
    }

    @AfterEach
    void close() throws Exception {
        group.dispose();
        shell.dispose();
    }

    private ILaunchConfigurationTab tab(String name) {
        return Arrays.stream(group.getTabs()).filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + name));
    }

    private Control control(String name) {
        return tab(name).getControl();
    }

    /** Applies every tab to the configuration (as the dialog does) and validates one. */
    private String errorOf(String name) {
        group.performApply(config);
        ILaunchConfigurationTab tab = tab(name);
        boolean valid = tab.isValid(config);
        assertEquals(valid, tab.getErrorMessage() == null, name + ": valid " + valid + " but error " + tab.getErrorMessage());
        return tab.getErrorMessage();
    }

    @Test
    void theTabsAreThoseOfAClusterLaunch() throws Exception {
        assertEquals(List.of("Cluster", "Hosts", "Program", "Arguments", "Credentials", "Faults", "Recording", "JRE", "Classpath", "Source",
                "Environment", "Common"), Arrays.stream(group.getTabs()).map(ILaunchConfigurationTab::getName).toList());
        for (String name : List.of("Cluster", "Hosts", "Program", "Credentials", "Faults", "Recording")) {
            assertNull(errorOf(name), name);
        }
        // the defaults: 4 nodes fully connected, each node's process with the default credentials
        assertEquals(4, config.getAttribute(RsmLaunching.ATTR_NODE_COUNT, 0));
        Text effective = Ui.textIn(control("Credentials"), "Credentials of each node's process");
        assertEquals(4, effective.getText().lines().count(), effective.getText());
        assertTrue(effective.getText().startsWith("node 1: uid=1000 gid=1000 umask=022 privileged=false"), effective.getText());
    }

    @Test
    void theConfigurationDialogShowsTheTabsInRunAndDebugModeAndDebugLaunchesOpenTheRsmDebugPerspective() throws Exception {
        ILaunchConfiguration saved = config.doSave();
        try {
            for (String mode : List.of(ILaunchManager.RUN_MODE, ILaunchManager.DEBUG_MODE)) {
                boolean run = ILaunchManager.RUN_MODE.equals(mode);
                String title = "Edit Configuration"; // the dialog of one configuration, in the launch group's mode
                List<String> tabs = new ArrayList<>();
                List<String> errors = new ArrayList<>();
                try (Ui.ShellWatch _ = Ui.whileDialogsShow(Duration.ofSeconds(60), dialog -> {
                    if (!title.equals(dialog.getText())) {
                        errors.add(dialog.getText() + ": " + Ui.all(dialog).stream().filter(Label.class::isInstance)
                                .map(c -> ((Label) c).getText()).toList());
                        dialog.close(); // an error about the configuration: the test must not wait under it
                        return false;
                    }
                    tabs.addAll(Ui.all(dialog).stream().filter(CTabFolder.class::isInstance)
                            .flatMap(f -> Arrays.stream(((CTabFolder) f).getItems())).map(CTabItem::getText).toList());
                    if (tabs.isEmpty() && errors.isEmpty()) {
                        return false; // the tabs are not there yet
                    }
                    dialog.close();
                    return true;
                })) {
                    DebugUITools.openLaunchConfigurationDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), saved,
                            run ? IDebugUIConstants.ID_RUN_LAUNCH_GROUP : IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP, null);
                }
                assertEquals(List.of(), errors, mode);
                assertFalse(tabs.isEmpty(), mode + ": the dialog shows the configuration's tabs");
                assertEquals("Cluster", tabs.get(0), mode + ": " + tabs);
            }
        } finally {
            saved.delete();
        }
        assertEquals("org.rsmworkbench.ui.debugPerspective", DebugUITools.getLaunchPerspective(config.getType(), ILaunchManager.DEBUG_MODE));
    }

    @Test
    void suspendingEveryNodeIsOnByDefaultAndStoredWhenTurnedOff() throws Exception {
        Button suspendAll = Ui.button(control("Cluster"), "&Suspend every node when one suspends, resume them together");
        assertTrue(suspendAll.getSelection(), "on by default");
        Ui.select(suspendAll, false);
        assertNull(errorOf("Cluster"));
        assertFalse(config.getAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, true));
        assertFalse(ClusterLaunchConfiguration.suspendAllNodes(config));
        group.initializeFrom(config);
        assertFalse(suspendAll.getSelection(), "read back from the configuration");
        Ui.select(suspendAll, true);
        assertNull(errorOf("Cluster"));
        assertTrue(ClusterLaunchConfiguration.suspendAllNodes(config));
    }

    @Test
    void theClasspathTabListsTheProjectAndTheRsmApiAsUserEntriesAndTheJreAsBootstrapEntry() throws Exception {
        Tree tree = Ui.all(control("Classpath")).stream().filter(Tree.class::isInstance).map(Tree.class::cast).findFirst().orElseThrow();
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (TreeItem top : tree.getItems()) {
            entries.put(top.getText(), Arrays.stream(top.getItems()).map(TreeItem::getText).toList());
        }
        assertEquals(List.of("tabsdemo", "RSM API"), entries.get("User Entries"), "the tree: " + entries);
        List<String> bootstrap = entries.get("Bootstrap Entries");
        assertEquals(1, bootstrap.size(), "the tree: " + entries);
        assertTrue(bootstrap.get(0).startsWith("JRE System Library"), "the tree: " + entries);
    }

    @Test
    void aMissingClusterFileIsAnError() throws Exception {
        Ui.select(Ui.button(control("Cluster"), "Cluster &file:"), true);
        assertEquals("Choose a cluster file, or run on N nodes fully connected.", errorOf("Cluster"));
        Ui.textAfter(control("Cluster"), "Cluster &file:").setText("/tabsdemo/none.rsmcluster");
        assertEquals("Cluster file /tabsdemo/none.rsmcluster does not exist in the workspace.", errorOf("Cluster"));
        Ui.textAfter(control("Cluster"), "Cluster &file:").setText("/tabsdemo/src/demo/Main.java");
        assertEquals("Cluster file /tabsdemo/src/demo/Main.java is not a .rsmcluster file.", errorOf("Cluster"));
        Ui.select(Ui.button(control("Cluster"), "&Nodes, fully connected:"), true);
        assertNull(errorOf("Cluster"));
    }

    @Test
    void wrongNodesAndOverridesAreErrorsOfTheProgramTab() throws Exception {
        Ui.select(Ui.button(control("Program"), "&Only nodes:"), true);
        assertEquals("Enter the nodes that run the program (e.g. 1,3), or choose every node.", errorOf("Program"));
        Ui.textAfter(control("Program"), "&Only nodes:").setText("1,9");
        assertEquals("Nodes that run the program: the cluster has no node 9 (its nodes: [1, 2, 3, 4])", errorOf("Program"));
        Ui.textAfter(control("Program"), "&Only nodes:").setText("1,x");
        assertEquals("\"x\" in the node list is not a node id or a range like 1-3", errorOf("Program"));
        Ui.textAfter(control("Program"), "&Only nodes:").setText("1-2");
        assertNull(errorOf("Program"));
        Text overrides = Ui.textIn(control("Program"), "Per-node overrides");
        overrides.setText("2:main=demo.Other\n3:args=1 2");
        assertEquals("Per-node settings: node 3 does not run the program (it runs on nodes [1, 2]).", errorOf("Program"));
        overrides.setText("2:mian=demo.Other");
        assertEquals("Per-node overrides, line 1: unknown key \"mian\"; the keys are args, jvm, main", errorOf("Program"));
        overrides.setText("2:main=demo.Other");
        assertNull(errorOf("Program"));
        assertEquals(List.of("2:main=demo.Other"), attribute(RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS));
        assertEquals("1-2", config.getAttribute(RsmLaunching.ATTR_ON_NODES, ""));
    }

    @Test
    void wrongCredentialsAreErrorsAndTheEffectiveCredentialsAreShown() throws Exception {
        Control tab = control("Credentials");
        Ui.select(Ui.button(tab, "The &same credentials on every node:"), true);
        Ui.textAfter(tab, "u&mask:").setText("999");
        assertEquals("Credentials of every node: umask \"999\" is not octal 000..777 (e.g. 022)", errorOf("Credentials"));
        Ui.textAfter(tab, "u&mask:").setText("077");
        Ui.textAfter(tab, "&uid:").setText("-1");
        assertEquals("Credentials of every node: uid \"-1\" is not a number from 0 to 999999999", errorOf("Credentials"));
        Ui.textAfter(tab, "&uid:").setText("500");
        Ui.textAfter(tab, "g&roups:").setText("10,20");
        Text overrides = Ui.textIn(tab, "Per-node overrides");
        overrides.setText("3 uid 0");
        assertEquals("Per-node credentials, line 1: \"3 uid 0\" is not NODE:KEY=VALUE (e.g. 2:uid=0)", errorOf("Credentials"));
        overrides.setText("3:uid=0\n3:privileged=yes");
        assertEquals("Per-node credentials, node 3: privileged is true or false, not \"yes\"", errorOf("Credentials"));
        overrides.setText("3:uid=0\n3:privileged=true");
        assertNull(errorOf("Credentials"));
        String effective = Ui.textIn(tab, "Credentials of each node's process").getText();
        assertTrue(effective.contains("node 1: uid=500 gid=1000 groups=10,20 umask=077 privileged=false"), effective);
        assertTrue(effective.contains("node 3: uid=0 gid=1000 groups=10,20 umask=077 privileged=true"), effective);
        assertFalse(config.getAttribute(RsmLaunching.ATTR_USE_CLUSTER_CREDENTIALS, true));
    }

    @Test
    void faultsAreCheckedAgainstTheCluster() throws Exception {
        Text faults = Ui.textIn(control("Faults"), "Scheduled faults");
        faults.setText("kill:2@500ms\nkill:9@1s");
        assertTrue(errorOf("Faults").startsWith("Faults, line 2: fault kill:9@1000ms: cluster cluster-of-4 has no node 9"), errorOf("Faults"));
        faults.setText("link-down:1/emu0-2/emu0@200ms\nfail:1->2x0@10ms");
        assertEquals("Faults, line 2: a transfer fault needs a count of at least 1, not 0", errorOf("Faults"));
        faults.setText("kill:2");
        assertTrue(errorOf("Faults").startsWith("Faults, line 1: fault \"kill:2\" is not FAULT@TIME"), errorOf("Faults"));
        Ui.button(control("Faults"), "Add &kill").notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        faults.setText("link-down:1/emu0-2/emu0@200ms\n");
        Ui.button(control("Faults"), "Add &kill").notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertNull(errorOf("Faults"));
        assertEquals(List.of("link-down:1/emu0-2/emu0@200ms", "kill:2@500ms"), attribute(RsmLaunching.ATTR_FAULTS));
    }

    @Test
    void faultsOfHostsNeedAHostsFileAndAreCheckedAgainstIt() throws Exception {
        Text faults = Ui.textIn(control("Faults"), "Scheduled faults");
        Button killHost = Ui.button(control("Faults"), "Add kill &host");
        faults.setText("kill:2@500ms\nkill-host:beta@1s");
        assertEquals("Faults, line 2: kill-host:beta@1s names a host: it needs a hosts file on the Hosts tab (a distributed cluster"
                + " whose nodes run on several hosts).", errorOf("Faults"));
        assertFalse(killHost.isVisible(), "the buttons of host faults are for distributed clusters");

        Control hosts = control("Hosts");
        Ui.select(Ui.button(hosts, "&Distributed cluster: the registry in ZooKeeper, the data path over UCX (as rsm-launch --zookeeper)"),
                true);
        Ui.select(Ui.button(hosts, "E&nsemble:"), true);
        Ui.textAfter(hosts, "E&nsemble:").setText("zk1.example.org:2181");
        assertTrue(errorOf("Faults").endsWith("it needs a hosts file on the Hosts tab (a distributed cluster whose nodes run on several"
                + " hosts)."), errorOf("Faults"));
        assertTrue(killHost.isVisible(), "shown for a distributed cluster");

        Path file = Files.createTempFile("hosts-faults-", ".txt");
        try {
            Files.writeString(file, "host alpha nodes=1,2 run=\"\"\nhost beta nodes=3,4 run=\"\"\n");
            Ui.textAfter(hosts, "Hosts &file:").setText(file.toString());
            assertNull(errorOf("Hosts"));
            assertNull(errorOf("Faults"));
            faults.setText("kill-host:gamma@1s");
            assertEquals("Faults, line 1: Fault kill-host:gamma@1000ms: " + file + " has no host gamma (its hosts: alpha, beta).",
                    errorOf("Faults"));
            faults.setText("host-link-down:alpha-beta@2s");
            assertEquals("Faults, line 1: Fault host-link-down:alpha-beta@2000ms: host alpha (" + file + ":1) has no address=: give the"
                    + " address the other hosts reach it at.", errorOf("Faults"));
            faults.setText("");
            killHost.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            assertEquals("kill-host:beta@1s", faults.getText(), "the hosts of the hosts file");
            assertNull(errorOf("Faults"));
            assertEquals(List.of("kill-host:beta@1s"), attribute(RsmLaunching.ATTR_FAULTS));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theHostsTabChoosesALocalOrADistributedClusterAndChecksTheHostsFileAsTheLauncherDoes() throws Exception {
        Control hosts = control("Hosts");
        Button local = Ui.button(hosts, "&Local cluster: every node on this machine, sharing mapped files");
        Button distributed = Ui.button(hosts, "&Distributed cluster: the registry in ZooKeeper, the data path over UCX (as rsm-launch --zookeeper)");
        Button embedded = Ui.button(hosts, "&Embedded: an ensemble of one that the launch starts and stops");
        Button ensemble = Ui.button(hosts, "E&nsemble:");
        Text connectString = Ui.textAfter(hosts, "E&nsemble:");
        Text hostsFile = Ui.textAfter(hosts, "Hosts &file:");
        assertTrue(local.getSelection(), "a local cluster by default");
        assertFalse(embedded.isEnabled() || hostsFile.isEnabled() || Ui.button(hosts, "File &System...").isEnabled(),
                "the distributed settings wait for their choice");
        assertNull(errorOf("Hosts"));
        assertEquals("", config.getAttribute(RsmLaunching.ATTR_ZOOKEEPER, ""));

        Ui.select(distributed, true);
        assertTrue(embedded.getSelection() && embedded.isEnabled() && hostsFile.isEnabled(), "embedded is the first choice");
        assertFalse(connectString.isEnabled());
        assertNull(errorOf("Hosts"));
        assertEquals("embedded", config.getAttribute(RsmLaunching.ATTR_ZOOKEEPER, ""));
        Spinner sessionTimeout = Ui.all(hosts).stream().filter(Spinner.class::isInstance).map(Spinner.class::cast).findFirst().orElseThrow();
        assertEquals(4, sessionTimeout.getSelection(), "the default session timeout, in seconds");
        sessionTimeout.setSelection(12);
        sessionTimeout.notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
        assertNull(errorOf("Hosts"));
        assertEquals(12_000, config.getAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT, 0));
        assertEquals(Duration.ofSeconds(12), ClusterLaunchConfiguration.distributed(config, ClusterLaunchConfiguration.plan(config,
                ClusterLaunchConfiguration.cluster(config), List.of(), List.of(), List.of())).sessionTimeout(), "what the launch asks for");

        Path file = Files.createTempFile("hosts-tab-", ".txt");
        try {
            Files.writeString(file, "host a nodes=1,2 run=\"ip netns exec a\"\nhost b nodes=3,4 dir=/var/tmp/b\nclasspath shipped\n");
            hostsFile.setText(file.toString());
            assertTrue(errorOf("Hosts").startsWith("Hosts file with ZooKeeper embedded: the embedded ZooKeeper listens on this"),
                    errorOf("Hosts"));
            Ui.select(ensemble, true);
            assertTrue(connectString.isEnabled());
            connectString.setText("nowhere");
            assertEquals("ZooKeeper \"nowhere\" is neither embedded nor HOST:PORT[,HOST:PORT...] (e.g. zk1.example.org:2181).",
                    errorOf("Hosts"));
            connectString.setText("127.0.0.1:2181");
            assertTrue(errorOf("Hosts").endsWith("a loopback address means a different machine on every host: give addresses that every"
                    + " host reaches."), errorOf("Hosts"));
            connectString.setText("zk1.example.org:2181");
            assertEquals("Hosts file " + file + ":1: host a has no dir=: with classpath shipped, say where the class path is copied to"
                    + " there, e.g. dir=/var/tmp/rsm.", errorOf("Hosts"), "the parser's message, with the file and line");
            Files.writeString(file, "host a nodes=1,2 run=\"ip netns exec a\" dir=/var/tmp/a\nhost b nodes=3,4 dir=/var/tmp/b\n"
                    + "classpath shipped\n");
            assertNull(errorOf("Hosts"));
            assertEquals("zk1.example.org:2181", config.getAttribute(RsmLaunching.ATTR_ZOOKEEPER, ""));
            assertEquals(file.toString(), config.getAttribute(RsmLaunching.ATTR_HOSTS_FILE, ""));
            assertEquals(List.of("a", "b"), ClusterLaunchConfiguration.distributed(config, ClusterLaunchConfiguration.plan(config,
                    ClusterLaunchConfiguration.cluster(config), List.of(), List.of(), List.of())).hosts().hosts().stream()
                    .map(HostsFile.Host::name).toList(), "the launch reads what the tab stored");

            Ui.textIn(control("Faults"), "Scheduled faults").setText("kill:2@200ms\nrestart:2@1s\nlink-down:1/emu0-2/emu0@200ms\n"
                    + "link-up:1/emu0-2/emu0@2s\nfail:1->2x3@100ms");
            assertNull(errorOf("Faults"), "every fault of the cluster reaches a distributed one");

            group.initializeFrom(config);
            assertTrue(distributed.getSelection() && ensemble.getSelection() && !embedded.getSelection(), "read back from the configuration");
            assertEquals("zk1.example.org:2181", connectString.getText());
            assertEquals(file.toString(), hostsFile.getText());
            assertEquals(12, sessionTimeout.getSelection());
            config.setAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT, 1500);
            group.initializeFrom(config);
            assertEquals(2, sessionTimeout.getSelection(), "1.5 s shows as 2 s");
            assertNull(errorOf("Hosts"));
            assertEquals(1500, config.getAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT, 0), "a value the spinner cannot show is kept");
            sessionTimeout.setSelection(4);
            sessionTimeout.notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
            assertNull(errorOf("Hosts"));
            assertFalse(config.hasAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT), "the default is not stored");

            Ui.select(local, true);
            assertNull(errorOf("Hosts"));
            assertEquals("", config.getAttribute(RsmLaunching.ATTR_ZOOKEEPER, ""), "local again: no ZooKeeper");
            assertEquals("", config.getAttribute(RsmLaunching.ATTR_HOSTS_FILE, ""), "local again: no hosts file");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void recordingIsOffByDefaultAndItsSettingsAreStoredAndChecked() throws Exception {
        Button record = Ui.button(control("Recording"), "&Record this run: every RSM call of every node, the faults, node starts and ends");
        Text folder = Ui.textAfter(control("Recording"), "&Folder:");
        assertFalse(record.getSelection(), "off by default");
        assertFalse(folder.isEnabled(), "the settings wait for the check box");
        Ui.select(record, true);
        assertTrue(folder.isEnabled());
        assertNull(errorOf("Recording"), "the project's recordings folder by default");
        assertTrue(config.getAttribute(RsmLaunching.ATTR_RECORD, false));
        assertEquals(ResourcesPlugin.getWorkspace().getRoot().getProject("tabsdemo").getLocation().toPath().resolve("recordings"), ClusterLaunchConfiguration.recordFolder(config));

        folder.setText("relative/folder");
        assertEquals("Recording: the folder \"relative/folder\" is not an absolute path.", errorOf("Recording"));
        folder.setText("${workspace_loc}/traces");
        assertNull(errorOf("Recording"));
        assertEquals(ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve("traces"),
                ClusterLaunchConfiguration.recordFolder(config));

        Combo atLimit = (Combo) Ui.all(control("Recording")).stream().filter(Combo.class::isInstance)
                .filter(c -> ((Combo) c).getItem(0).startsWith("keep the first events")).findFirst().orElseThrow();
        atLimit.select(1);
        Ui.select(Ui.button(control("Recording"), "&Gets record the bytes they read (else a digest of them)"), true);
        assertNull(errorOf("Recording"));
        RecordingSettings settings = ClusterLaunchConfiguration.recording(config, LocalDateTime.of(2026, 12, 2, 9, 0, 5));
        assertEquals(RecordingSettings.AtLimit.RING, settings.atLimit());
        assertTrue(settings.fullGets());
        assertEquals(RsmLaunching.DEFAULT_RECORD_LIMIT_MIB, settings.limitBytes() >> 20);
        group.initializeFrom(config);
        assertEquals(1, atLimit.getSelectionIndex(), "read back from the configuration");
        assertEquals("${workspace_loc}/traces", folder.getText());
    }

    @Test
    void raceDetectionIsOffByDefaultAndItsCheckBoxSaysWhatItCosts() throws Exception {
        Button races = Ui.button(control("Recording"), "&Detect races: report unordered conflicting accesses to segments when the run ends");
        assertFalse(races.getSelection(), "off by default");
        assertFalse(ClusterLaunchConfiguration.detectRaces(config));
        assertTrue(races.getToolTipText().contains("race agent") && races.getToolTipText().contains("microsecond"), races.getToolTipText());
        Ui.select(races, true);
        assertNull(errorOf("Recording"));
        assertTrue(config.getAttribute(RsmLaunching.ATTR_DETECT_RACES, false));
        assertTrue(ClusterLaunchConfiguration.detectRaces(config));
        assertFalse(config.getAttribute(RsmLaunching.ATTR_RECORD, false), "detecting races does not keep a recording by itself");
        group.initializeFrom(config);
        assertTrue(races.getSelection(), "read back from the configuration");
    }

    @Test
    void anEmptyMainClassIsAnErrorOfTheProgramTab() throws Exception {
        Ui.all(control("Program")).stream().filter(c -> c instanceof Text).map(Text.class::cast)
                .filter(t -> t.getText().equals("demo.Main")).findFirst().orElseThrow().setText("");
        assertNotNull(errorOf("Program"));
    }

    private List<String> attribute(String name) {
        try {
            return config.getAttribute(name, List.of());
        } catch (org.eclipse.core.runtime.CoreException e) {
            throw new AssertionError(e);
        }
    }
}
