// Command kiban-vcsim starts govmomi's vCenter simulator (simulator.VPX) on loopback with the vAPI
// (tags) and PBM simulators registered, and seeds its inventory from a JSON file the end-to-end
// harness writes from the e2e platform data (see e2e/seed.ts).
//
// Usage: kiban-vcsim -seed seed.json [-listen 127.0.0.1:0] [-cert-out cert.pem]
//
// When ready it prints one line to stdout: `KIBAN_VCSIM_READY <url> <certificate file>`.
// Commands on stdin, one per line, answered with one line each:
//
//	rebuild <template name>   destroys the template and creates it again (a new UUID): "ok <uuid>"
//	uuid <vm name>            "ok <uuid>"
//	import <JSON SeedVM>      creates the VM in its folder, as the management terminal's OVF
//	                          import script (govc import.ovf) would: "ok <uuid>"
//
// It stops cleanly on SIGINT / SIGTERM or when stdin closes.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/google/uuid"
	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vim25/types"

	_ "github.com/vmware/govmomi/pbm/simulator"
	_ "github.com/vmware/govmomi/vapi/simulator"
)

// Seed is the inventory to create (written by the harness from the e2e platform data).
type Seed struct {
	Datacenter        string        `json:"datacenter"`
	Clusters          []SeedCluster `json:"clusters"`
	Datastores        []string      `json:"datastores"`
	DistributedSwitch string        `json:"distributedSwitch"`
	PortGroups        []SeedPG      `json:"portGroups"`
	VMs               []SeedVM      `json:"vms"`
	Vmdks             []SeedVmdk    `json:"vmdks"`
	Ovfs              []SeedOvf     `json:"ovfs"`
}

type SeedCluster struct {
	Name  string   `json:"name"`
	Hosts []string `json:"hosts"`
}

type SeedPG struct {
	Name   string `json:"name"`
	VlanID int32  `json:"vlanId"`
}

// SeedVM is a template or a source VM for clones.
type SeedVM struct {
	Name      string `json:"name"`
	GuestID   string `json:"guestId"`
	Firmware  string `json:"firmware"`
	ScsiType  string `json:"scsiType"`
	DiskGb    int64  `json:"diskGb"`
	Datastore string `json:"datastore"`
	Network   string `json:"network"`
	Template  bool   `json:"template"`
	// Folder is the inventory path of the VM's folder (empty: the datacenter's VM folder).
	Folder string `json:"folder"`
	// UUID of the VM (empty: the simulator derives one).
	UUID string `json:"-"`
}

// SeedVmdk is an existing virtual disk on a datastore (V2V from VMDK).
type SeedVmdk struct {
	Datastore string `json:"datastore"`
	Path      string `json:"path"`
	SizeGb    int64  `json:"sizeGb"`
}

// SeedOvf is an OVF package written to the local file system (V2V from OVF).
type SeedOvf struct {
	Path    string `json:"path"`
	Name    string `json:"name"`
	GuestID string `json:"guestId"`
	DiskGb  int64  `json:"diskGb"`
}

type inventory struct {
	model *simulator.Model
	// dirs backing the seeded datastores, removed on exit.
	dirs []string
	c    *govmomi.Client
	f    *find.Finder
	dc   *object.Datacenter
	seed Seed
}

func main() {
	seedFile := flag.String("seed", "", "inventory seed (JSON)")
	listen := flag.String("listen", "127.0.0.1:0", "loopback address to listen on")
	flag.Parse()
	if err := run(*seedFile, *listen); err != nil {
		fmt.Fprintf(os.Stderr, "kiban-vcsim: %v\n", err)
		os.Exit(1)
	}
}

func run(seedFile, listen string) error {
	if !strings.HasPrefix(listen, "127.0.0.1:") && !strings.HasPrefix(listen, "[::1]:") {
		return fmt.Errorf("refusing to listen on %q: loopback only", listen)
	}
	raw, err := os.ReadFile(seedFile)
	if err != nil {
		return err
	}
	var seed Seed
	if err := json.Unmarshal(raw, &seed); err != nil {
		return fmt.Errorf("%s: %w", seedFile, err)
	}

	// An empty vCenter: the seed creates every object with the platform's names.
	model := simulator.VPX()
	model.Datacenter, model.Cluster, model.ClusterHost, model.Host = 0, 0, 0, 0
	model.Datastore, model.Machine, model.Portgroup = 0, 0, 0
	if err := model.Create(); err != nil {
		return err
	}
	defer model.Remove()
	model.Service.RegisterEndpoints = true
	// The simulator itself listens on another loopback port, behind clusterRefProxy.
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0"}
	model.Service.TLS = new(tls.Config)
	server := model.Service.NewServer()
	defer server.Close()
	certFile, err := server.CertificateFile()
	if err != nil {
		return err
	}

	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	c, err := govmomi.NewClient(ctx, server.URL, true)
	if err != nil {
		return err
	}
	inv := &inventory{model: model, c: c, seed: seed}
	defer func() {
		for _, d := range inv.dirs {
			_ = os.RemoveAll(d)
		}
	}()
	if err := inv.create(ctx); err != nil {
		return fmt.Errorf("seeding: %w", err)
	}

	front, err := clusterRefProxy(listen, server, inv.roleID)
	if err != nil {
		return err
	}
	defer front.Close()
	fmt.Printf("KIBAN_VCSIM_READY https://%s/sdk %s\n", front.Addr().String(), certFile)

	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				return nil
			}
			fmt.Println(inv.command(ctx, line))
		}
	}
}

// clusterRefProxy serves the simulator through a TLS front on loopback that corrects two
// differences from vCenter, and nothing else:
//
//   - in SOAP requests, a reference typed `ComputeResource` to a cluster's id (`domain-c…`) becomes
//     `ClusterComputeResource`. The provider looks a cluster's environment browser up through such
//     a reference (computeresource.StandaloneFromID); vCenter resolves objects by id alone, the
//     simulator by type and id, so without this every clone plan fails with ManagedObjectNotFound;
//   - the simulator answers AddAuthorizationRole with role id 0 instead of the new role's id, so
//     the provider records id 0 for every vsphere_role; the answer gets the real id.
func clusterRefProxy(listen string, server *simulator.Server, roleID func(name string) (int32, bool)) (net.Listener, error) {
	backend := *server.URL
	backend.User = nil
	backend.Path = ""
	proxy := httputil.NewSingleHostReverseProxy(&backend)
	proxy.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // loopback, our own simulator
	rewrite := regexp.MustCompile(`type="ComputeResource"(\s*)>(domain-c\d+)<`)
	addRole := regexp.MustCompile(`(?s)<AddAuthorizationRole\b.*?<name>([^<]*)</name>`)
	roleAnswer := regexp.MustCompile(`(?s)<AddAuthorizationRoleResponse([^>]*?)(?:/>|>.*?</AddAuthorizationRoleResponse>)`)
	proxy.ModifyResponse = func(resp *http.Response) error {
		name := resp.Request.Header.Get("X-Kiban-Add-Role")
		if name == "" || resp.Header.Get("Content-Encoding") != "" {
			return nil
		}
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if id, ok := roleID(name); ok {
			body = roleAnswer.ReplaceAll(body, []byte(fmt.Sprintf(`<AddAuthorizationRoleResponse$1><returnval>%d</returnval></AddAuthorizationRoleResponse>`, id)))
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
		resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
		return nil
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/sdk") {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			body = rewrite.ReplaceAll(body, []byte(`type="ClusterComputeResource"$1>$2<`))
			r.Header.Del("X-Kiban-Add-Role")
			if m := addRole.FindSubmatch(body); m != nil {
				r.Header.Set("X-Kiban-Add-Role", html.UnescapeString(string(m[1])))
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
			r.Header.Set("Content-Length", strconv.Itoa(len(body)))
		}
		proxy.ServeHTTP(w, r)
	})
	l, err := net.Listen("tcp", listen)
	if err != nil {
		return nil, err
	}
	tl := tls.NewListener(l, &tls.Config{Certificates: server.TLS.Certificates})
	go func() { _ = http.Serve(tl, handler) }()
	return tl, nil
}

// reportHardwareVersion makes the cluster's environment browser report the hardware version of
// the simulated ESXi (vmx-13) in QueryConfigOption, as vCenter does; the simulator leaves it 0, and
// the provider then tries to "upgrade" every VM whose state records version 13 (an imported VM),
// which the simulator refuses with AlreadyUpgraded.
func (inv *inventory) reportHardwareVersion(cluster types.ManagedObjectReference) {
	reg := inv.model.Map()
	cr, ok := reg.Get(cluster).(*simulator.ClusterComputeResource)
	if !ok || cr.EnvironmentBrowser == nil {
		return
	}
	if eb, ok := reg.Get(*cr.EnvironmentBrowser).(*simulator.EnvironmentBrowser); ok {
		eb.QueryConfigOptionResponse.Returnval = &types.VirtualMachineConfigOption{
			Version:         esx.HardwareVersion,
			DefaultDevice:   esx.VirtualDevice,
			HardwareOptions: types.VirtualHardwareOption{HwVersion: 13},
		}
	}
}

// roleID is the id the simulator gave the role named name.
func (inv *inventory) roleID(name string) (int32, bool) {
	am, ok := inv.model.Map().Get(*inv.c.ServiceContent.AuthorizationManager).(*simulator.AuthorizationManager)
	if !ok {
		return 0, false
	}
	for _, r := range am.RoleList {
		if r.Name == name {
			return r.RoleId, true
		}
	}
	return 0, false
}

func (inv *inventory) command(ctx context.Context, line string) string {
	if rest, ok := strings.CutPrefix(line, "import "); ok {
		var v SeedVM
		if err := json.Unmarshal([]byte(rest), &v); err != nil {
			return "error: " + err.Error()
		}
		if err := inv.createVM(ctx, v); err != nil {
			return "error: " + err.Error()
		}
		return inv.uuid(ctx, v.Name)
	}
	parts := strings.Fields(line)
	if len(parts) != 2 {
		return "error: expected `rebuild NAME`, `uuid NAME` or `import JSON`"
	}
	switch parts[0] {
	case "rebuild":
		for _, v := range inv.seed.VMs {
			if v.Name == parts[1] {
				vm, err := inv.f.VirtualMachine(ctx, v.Name)
				if err != nil {
					return "error: " + err.Error()
				}
				if err := waitTask(ctx, vm.Destroy); err != nil {
					return "error: " + err.Error()
				}
				// A rebuilt template is a new VM with the same name: a new UUID.
				v.UUID = uuid.NewString()
				if err := inv.createVM(ctx, v); err != nil {
					return "error: " + err.Error()
				}
				return inv.uuid(ctx, v.Name)
			}
		}
		return "error: no seeded VM " + parts[1]
	case "uuid":
		return inv.uuid(ctx, parts[1])
	}
	return "error: unknown command " + parts[0]
}

func (inv *inventory) uuid(ctx context.Context, name string) string {
	vm, err := inv.f.VirtualMachine(ctx, name)
	if err != nil {
		return "error: " + err.Error()
	}
	return "ok " + vm.UUID(ctx)
}

func waitTask(ctx context.Context, start func(context.Context) (*object.Task, error)) error {
	task, err := start(ctx)
	if err != nil {
		return err
	}
	return task.Wait(ctx)
}

func (inv *inventory) create(ctx context.Context) error {
	s := inv.seed
	root := object.NewRootFolder(inv.c.Client)
	dc, err := root.CreateDatacenter(ctx, s.Datacenter)
	if err != nil {
		return err
	}
	inv.dc = dc
	inv.f = find.NewFinder(inv.c.Client, true)
	inv.f.SetDatacenter(dc)
	folders, err := dc.Folders(ctx)
	if err != nil {
		return err
	}

	var hosts []*object.HostSystem
	for _, cl := range s.Clusters {
		cluster, err := folders.HostFolder.CreateCluster(ctx, cl.Name, types.ClusterConfigSpecEx{})
		if err != nil {
			return err
		}
		inv.reportHardwareVersion(cluster.Reference())
		for _, h := range cl.Hosts {
			task, err := cluster.AddHost(ctx, types.HostConnectSpec{HostName: h, UserName: "root", Password: "vcsim"}, true, nil, nil)
			if err != nil {
				return err
			}
			info, err := task.WaitForResult(ctx)
			if err != nil {
				return fmt.Errorf("host %s: %w", h, err)
			}
			hosts = append(hosts, object.NewHostSystem(inv.c.Client, info.Result.(types.ManagedObjectReference)))
		}
	}

	for _, name := range s.Datastores {
		dir, err := os.MkdirTemp("", "kiban-vcsim-ds-")
		if err != nil {
			return err
		}
		inv.dirs = append(inv.dirs, dir)
		for _, h := range hosts {
			dss, err := h.ConfigManager().DatastoreSystem(ctx)
			if err != nil {
				return err
			}
			if _, err := dss.CreateLocalDatastore(ctx, name, dir); err != nil {
				return fmt.Errorf("datastore %s: %w", name, err)
			}
		}
	}

	task, err := folders.NetworkFolder.CreateDVS(ctx, types.DVSCreateSpec{ConfigSpec: &types.VMwareDVSConfigSpec{DVSConfigSpec: types.DVSConfigSpec{Name: s.DistributedSwitch}}})
	if err != nil {
		return err
	}
	info, err := task.WaitForResult(ctx)
	if err != nil {
		return fmt.Errorf("distributed switch: %w", err)
	}
	dvs := object.NewDistributedVirtualSwitch(inv.c.Client, info.Result.(types.ManagedObjectReference))
	members := &types.DVSConfigSpec{}
	for _, h := range hosts {
		members.Host = append(members.Host, types.DistributedVirtualSwitchHostMemberConfigSpec{Operation: string(types.ConfigSpecOperationAdd), Host: h.Reference()})
	}
	if err := waitTask(ctx, func(ctx context.Context) (*object.Task, error) { return dvs.Reconfigure(ctx, members) }); err != nil {
		return fmt.Errorf("distributed switch hosts: %w", err)
	}
	for _, pg := range s.PortGroups {
		spec := types.DVPortgroupConfigSpec{
			Name: pg.Name, Type: string(types.DistributedVirtualPortgroupPortgroupTypeEarlyBinding), NumPorts: 32,
			DefaultPortConfig: &types.VMwareDVSPortSetting{Vlan: &types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: pg.VlanID}},
		}
		if err := waitTask(ctx, func(ctx context.Context) (*object.Task, error) {
			return dvs.AddPortgroup(ctx, []types.DVPortgroupConfigSpec{spec})
		}); err != nil {
			return fmt.Errorf("port group %s: %w", pg.Name, err)
		}
	}

	for _, v := range s.VMs {
		if err := inv.createVM(ctx, v); err != nil {
			return fmt.Errorf("vm %s: %w", v.Name, err)
		}
	}

	vdm := object.NewVirtualDiskManager(inv.c.Client)
	fm := object.NewFileManager(inv.c.Client)
	for _, d := range s.Vmdks {
		dir := fmt.Sprintf("[%s] %s", d.Datastore, filepath.Dir(d.Path))
		if err := fm.MakeDirectory(ctx, dir, dc, true); err != nil {
			return err
		}
		spec := &types.FileBackedVirtualDiskSpec{
			VirtualDiskSpec: types.VirtualDiskSpec{DiskType: string(types.VirtualDiskTypeThin), AdapterType: string(types.VirtualDiskAdapterTypeLsiLogic)},
			CapacityKb:      d.SizeGb * 1024 * 1024,
		}
		name := fmt.Sprintf("[%s] %s", d.Datastore, d.Path)
		if err := waitTask(ctx, func(ctx context.Context) (*object.Task, error) { return vdm.CreateVirtualDisk(ctx, name, dc, spec) }); err != nil {
			return fmt.Errorf("vmdk %s: %w", name, err)
		}
	}

	for _, o := range s.Ovfs {
		if err := writeOvf(o); err != nil {
			return fmt.Errorf("ovf %s: %w", o.Path, err)
		}
	}
	return nil
}

func (inv *inventory) createVM(ctx context.Context, v SeedVM) error {
	folders, err := inv.dc.Folders(ctx)
	if err != nil {
		return err
	}
	ds, err := inv.f.Datastore(ctx, v.Datastore)
	if err != nil {
		return err
	}
	pool, err := inv.f.DefaultResourcePool(ctx)
	if err != nil {
		return err
	}
	var devices object.VirtualDeviceList
	scsiType := v.ScsiType
	if scsiType == "" {
		scsiType = "pvscsi"
	}
	scsi, err := devices.CreateSCSIController(scsiType)
	if err != nil {
		return err
	}
	devices = append(devices, scsi)
	disk := devices.CreateDisk(scsi.(types.BaseVirtualController), ds.Reference(), "")
	disk.CapacityInKB = v.DiskGb * 1024 * 1024
	devices = append(devices, disk)
	if v.Network != "" {
		net, err := inv.f.Network(ctx, v.Network)
		if err != nil {
			return err
		}
		backing, err := net.EthernetCardBackingInfo(ctx)
		if err != nil {
			return err
		}
		nic, err := object.EthernetCardTypes().CreateEthernetCard("vmxnet3", backing)
		if err != nil {
			return err
		}
		devices = append(devices, nic)
	}
	change, err := devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd)
	if err != nil {
		return err
	}
	spec := types.VirtualMachineConfigSpec{
		Name: v.Name, Uuid: v.UUID, GuestId: v.GuestID, Firmware: v.Firmware, NumCPUs: 2, MemoryMB: 4096,
		Files:        &types.VirtualMachineFileInfo{VmPathName: fmt.Sprintf("[%s]", v.Datastore)},
		DeviceChange: change,
	}
	folder := folders.VmFolder
	if v.Folder != "" {
		if folder, err = inv.f.Folder(ctx, v.Folder); err != nil {
			return err
		}
	}
	task, err := folder.CreateVM(ctx, spec, pool, nil)
	if err != nil {
		return err
	}
	info, err := task.WaitForResult(ctx)
	if err != nil {
		return err
	}
	vm := object.NewVirtualMachine(inv.c.Client, info.Result.(types.ManagedObjectReference))
	if v.Template {
		return vm.MarkAsTemplate(ctx)
	}
	return nil
}

// writeOvf writes a minimal OVF 1.0 package (descriptor and a placeholder disk) for ovf_deploy.
func writeOvf(o SeedOvf) error {
	if err := os.MkdirAll(filepath.Dir(o.Path), 0o755); err != nil {
		return err
	}
	diskFile := strings.TrimSuffix(filepath.Base(o.Path), filepath.Ext(o.Path)) + "-disk1.vmdk"
	// The simulator stores the uploaded bytes as they are; the provider needs a non-empty file to upload.
	if err := os.WriteFile(filepath.Join(filepath.Dir(o.Path), diskFile), make([]byte, 64*1024), 0o644); err != nil {
		return err
	}
	descriptor := fmt.Sprintf(ovfTemplate, diskFile, o.DiskGb, o.Name, o.GuestID)
	return os.WriteFile(o.Path, []byte(descriptor), 0o644)
}

const ovfTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
  xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
  xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
  xmlns:vmw="http://www.vmware.com/schema/ovf">
  <References>
    <File ovf:href="%[1]s" ovf:id="file1"/>
  </References>
  <DiskSection>
    <Info>Virtual disk information</Info>
    <Disk ovf:capacity="%[2]d" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
  </DiskSection>
  <NetworkSection>
    <Info>The list of logical networks</Info>
    <Network ovf:name="VM Network"><Description>The VM Network network</Description></Network>
  </NetworkSection>
  <VirtualSystem ovf:id="%[3]s">
    <Info>A virtual machine</Info>
    <Name>%[3]s</Name>
    <OperatingSystemSection ovf:id="1" vmw:osType="%[4]s">
      <Info>The kind of installed guest operating system</Info>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <System>
        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
        <vssd:InstanceID>0</vssd:InstanceID>
        <vssd:VirtualSystemIdentifier>%[3]s</vssd:VirtualSystemIdentifier>
        <vssd:VirtualSystemType>vmx-13</vssd:VirtualSystemType>
      </System>
      <Item>
        <rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits>
        <rasd:ElementName>1 virtual CPU(s)</rasd:ElementName>
        <rasd:InstanceID>1</rasd:InstanceID>
        <rasd:ResourceType>3</rasd:ResourceType>
        <rasd:VirtualQuantity>1</rasd:VirtualQuantity>
      </Item>
      <Item>
        <rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits>
        <rasd:ElementName>1024MB of memory</rasd:ElementName>
        <rasd:InstanceID>2</rasd:InstanceID>
        <rasd:ResourceType>4</rasd:ResourceType>
        <rasd:VirtualQuantity>1024</rasd:VirtualQuantity>
      </Item>
      <Item>
        <rasd:Address>0</rasd:Address>
        <rasd:ElementName>SCSI controller 0</rasd:ElementName>
        <rasd:InstanceID>3</rasd:InstanceID>
        <rasd:ResourceSubType>lsilogicsas</rasd:ResourceSubType>
        <rasd:ResourceType>6</rasd:ResourceType>
      </Item>
      <Item>
        <rasd:AddressOnParent>0</rasd:AddressOnParent>
        <rasd:ElementName>Hard disk 1</rasd:ElementName>
        <rasd:HostResource>ovf:/disk/vmdisk1</rasd:HostResource>
        <rasd:InstanceID>4</rasd:InstanceID>
        <rasd:Parent>3</rasd:Parent>
        <rasd:ResourceType>17</rasd:ResourceType>
      </Item>
      <Item>
        <rasd:AddressOnParent>7</rasd:AddressOnParent>
        <rasd:AutomaticAllocation>true</rasd:AutomaticAllocation>
        <rasd:Connection>VM Network</rasd:Connection>
        <rasd:ElementName>Network adapter 1</rasd:ElementName>
        <rasd:InstanceID>5</rasd:InstanceID>
        <rasd:ResourceSubType>VmxNet3</rasd:ResourceSubType>
        <rasd:ResourceType>10</rasd:ResourceType>
      </Item>
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
`
